package dev.plate.argocd.internal;

import dev.plate.argocd.ArgoCd;
import dev.plate.argocd.ArgoCdException;
import dev.plate.argocd.RepositoryAccess;
import dev.plate.cluster.ManagementCluster;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.ConfigRepositoryMoved;
import dev.plate.gitops.RepositoryHosting;
import dev.plate.leadership.Leadership;
import dev.plate.security.Role;
import dev.plate.tokens.ServiceAccounts;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives Argo CD read access to the config repository, so it can clone what Plate commits: the repository Secret
 * in Argo CD's namespace, kept by the reconcile (on the leader) and written before any Application needs it.
 * <ul>
 * <li>Embedded Git server: a token of the service account {@value #ACCOUNT} (VIEWER; the server refuses every
 * push anyway), valid 90 days and replaced 30 days before it ends, or at once when the Secret is missing, altered
 * or its token revoked. The old tokens are revoked only after the Secret holds the new one.</li>
 * <li>Gitea: the read-only token an admin gives (Admin → Integrations or {@code PLATE_GITEA_READ_TOKEN}); without one there is no
 * Secret (Argo CD must then have its own credentials) and Plate says so.</li>
 * </ul>
 * The credential is never logged or shown.
 */
@Component
class RepositoryCredentials implements RepositoryAccess {

    static final String ACCOUNT = "plate-argocd";
    static final String TOKEN_NAME = "argocd-repository";
    static final Duration LIFETIME = Duration.ofDays(90);
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final Logger LOG = LoggerFactory.getLogger(RepositoryCredentials.class);

    private final ArgoCd argoCd;
    private final ConfigRepository repository;
    private final RepositoryHosting hosting;
    private final ServiceAccounts accounts;
    private final Leadership leadership;
    private final Clock clock;
    private volatile boolean warned;

    RepositoryCredentials(ArgoCd argoCd, ConfigRepository repository, RepositoryHosting hosting,
            ServiceAccounts accounts, Leadership leadership, Clock clock, ManagementCluster connection) {
        this.argoCd = argoCd;
        this.repository = repository;
        this.hosting = hosting;
        this.accounts = accounts;
        this.leadership = leadership;
        this.clock = clock;
        connection.onChange(this::connected);
    }

    /** Another cluster was connected: it needs the credential before the first Application reaches it. */
    private void connected() {
        if (!argoCd.connected() || !leadership.isLeader()) {
            return;
        }
        try {
            ensure();
        } catch (ArgoCdException e) {
            LOG.warn("Argo CD: could not write the config repository's credentials (the next reconcile retries): {}",
                    e.getMessage());
        }
    }

    /** Moved (on this instance): Argo CD needs the credential for the new place now, not at the next reconcile. */
    @org.springframework.context.event.EventListener
    void moved(ConfigRepositoryMoved moved) {
        if (!argoCd.connected()) {
            return;
        }
        try {
            ensure();
        } catch (ArgoCdException e) {
            LOG.warn("Argo CD: could not write the moved config repository's credentials (the next reconcile "
                    + "retries): {}", e.getMessage());
        }
    }

    @Override
    public synchronized Outcome ensure() {
        String url = repository.cloneUrl();
        var current = argoCd.repository();
        var gitea = hosting.gitea();
        if (gitea.isPresent()) {
            if (gitea.get().readCredential().isEmpty()) {
                if (!warned) {
                    warned = true;
                    LOG.warn("Argo CD gets no credentials for the config repository {} from Plate: give the Gitea "
                            + "user and token it reads with (read:repository only) in Admin → Integrations or as "
                            + "PLATE_GITEA_READ_USERNAME and PLATE_GITEA_READ_TOKEN, or give Argo CD its own.", url);
                }
                if (current.isPresent()) {
                    argoCd.applyRepository(Optional.empty());
                    return Outcome.REMOVED;
                }
                return Outcome.NO_CREDENTIAL;
            }
            var wanted = new ArgoCd.RepositoryCredentials(url, gitea.get().readUsername().isBlank() ? ACCOUNT
                    : gitea.get().readUsername(), gitea.get().readToken(), Optional.empty());
            if (current.filter(wanted::equals).isPresent()) {
                return Outcome.UNCHANGED;
            }
            argoCd.applyRepository(Optional.of(wanted));
            return Outcome.WRITTEN;
        }
        var now = clock.instant();
        var validUntil = current.filter(c -> c.username().equals(ACCOUNT))
                .flatMap(c -> accounts.validUntil(ACCOUNT, c.password())).filter(until -> until.isAfter(now));
        boolean sameUrl = current.filter(c -> c.url().equals(url)).isPresent();
        if (sameUrl && validUntil.filter(until -> until.isAfter(now.plus(RENEW_BEFORE))).isPresent()) {
            return Outcome.UNCHANGED;
        }
        if (!leadership.isLeader()) {
            // Only the leader revokes tokens (and renews one near its end): two instances rotating at once could each
            // revoke the token the other just wrote. Another instance only makes sure Argo CD can clone now: a valid
            // token follows a moved repository, and a missing or revoked one is replaced by a new one (the leader's
            // next rotation revokes whatever is left over).
            if (validUntil.isPresent()) {
                if (!sameUrl) {
                    argoCd.applyRepository(Optional.of(new ArgoCd.RepositoryCredentials(url, ACCOUNT,
                            current.orElseThrow().password(), validUntil)));
                    return Outcome.WRITTEN;
                }
                return Outcome.UNCHANGED;
            }
            var issued = accounts.issue(ACCOUNT, "Argo CD (reads the config repository)", Role.VIEWER, TOKEN_NAME,
                    LIFETIME);
            argoCd.applyRepository(Optional.of(new ArgoCd.RepositoryCredentials(url, ACCOUNT, issued.token(),
                    Optional.of(issued.expiresAt()))));
            return Outcome.WRITTEN;
        }
        var issued = accounts.issue(ACCOUNT, "Argo CD (reads the config repository)", Role.VIEWER, TOKEN_NAME,
                LIFETIME);
        argoCd.applyRepository(Optional.of(new ArgoCd.RepositoryCredentials(url, ACCOUNT, issued.token(),
                Optional.of(issued.expiresAt()))));
        accounts.revokeOthers(ACCOUNT, issued.id());
        return current.isPresent() ? Outcome.ROTATED : Outcome.WRITTEN;
    }
}
