package dev.plate.argocd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.plate.argocd.RepositoryAccess.Outcome;
import dev.plate.cluster.internal.KubernetesConnection;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepositoryHosting;
import dev.plate.security.Role;
import dev.plate.support.ArgoCdCluster;
import dev.plate.tokens.ServiceAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Argo CD's repository credential written from an instance that does not lead: it makes sure Argo CD can clone now
 * (a missing or revoked token is replaced, a moved repository's URL follows), but never revokes a token — two
 * instances revoking at once could each revoke what the other just wrote. Renewal near the end is the leader's.
 */
class RepositoryCredentialsOnAnotherInstanceTest {

    ArgoCdCluster cluster;
    KubernetesConnection connection;
    FabricArgoCd argoCd;
    final Tokens accounts = new Tokens();
    final AtomicReference<String> cloneUrl = new AtomicReference<>("https://plate.example.com/git/plate-config.git");
    boolean leading;
    RepositoryCredentials credentials;

    @BeforeEach
    void start() {
        cluster = new ArgoCdCluster();
        connection = FabricArgoCdTest.connectionTo(cluster);
        argoCd = new FabricArgoCd(connection, new Ownership(() -> FabricArgoCdTest.INSTALLATION, cloneUrl::get));
        var repository = mock(ConfigRepository.class);
        when(repository.cloneUrl()).thenAnswer(call -> cloneUrl.get());
        var hosting = mock(RepositoryHosting.class);
        when(hosting.gitea()).thenReturn(Optional.empty());
        var leadership = new dev.plate.leadership.Leadership() {
            @Override
            public boolean isLeader() {
                return leading;
            }

            @Override
            public String instanceId() {
                return "another-instance";
            }
        };
        credentials = new RepositoryCredentials(argoCd, repository, hosting, accounts, leadership,
                Clock.systemUTC(), connection);
    }

    @AfterEach
    void stop() {
        connection.destroy();
        cluster.close();
    }

    @Test
    void a_missing_or_revoked_token_is_replaced_and_nothing_is_revoked() {
        assertThat(credentials.ensure()).isEqualTo(Outcome.WRITTEN);
        String first = argoCd.repository().orElseThrow().password();
        assertThat(accounts.validUntil(RepositoryCredentials.ACCOUNT, first)).isPresent();
        assertThat(credentials.ensure()).isEqualTo(Outcome.UNCHANGED);

        accounts.revoke(first); // by an admin
        assertThat(credentials.ensure()).isEqualTo(Outcome.WRITTEN);
        String second = argoCd.repository().orElseThrow().password();
        assertThat(second).isNotEqualTo(first);
        assertThat(accounts.validUntil(RepositoryCredentials.ACCOUNT, second)).isPresent();

        cloneUrl.set("https://gitea.example.com/acme/plate-config.git"); // moved on this instance
        assertThat(credentials.ensure()).isEqualTo(Outcome.WRITTEN);
        assertThat(argoCd.repository().orElseThrow().url()).isEqualTo(cloneUrl.get());
        assertThat(argoCd.repository().orElseThrow().password()).as("the valid token follows").isEqualTo(second);

        assertThat(accounts.revocations).as("only the leader revokes").isZero();
    }

    @Test
    void renewal_near_the_end_is_left_to_the_leader() {
        credentials.ensure();
        String token = argoCd.repository().orElseThrow().password();
        accounts.expireIn(token, Duration.ofDays(10));

        assertThat(credentials.ensure()).isEqualTo(Outcome.UNCHANGED);
        assertThat(argoCd.repository().orElseThrow().password()).isEqualTo(token);

        leading = true;
        assertThat(credentials.ensure()).isEqualTo(Outcome.ROTATED);
        assertThat(argoCd.repository().orElseThrow().password()).isNotEqualTo(token);
        assertThat(accounts.validUntil(RepositoryCredentials.ACCOUNT, token)).as("revoked by the leader").isEmpty();
    }

    /** Tokens in memory, as the database keeps them: issued, valid until they end or are revoked. */
    static final class Tokens implements ServiceAccounts {
        final Map<String, Instant> active = new HashMap<>();
        final Map<String, Long> ids = new HashMap<>();
        int revocations;
        long next = 1;

        @Override
        public IssuedToken issue(String account, String displayName, Role role, String tokenName, Duration lifetime) {
            var token = new IssuedToken(next++, "plate_" + java.util.UUID.randomUUID(), Instant.now().plus(lifetime));
            active.put(token.token(), token.expiresAt());
            ids.put(token.token(), token.id());
            return token;
        }

        @Override
        public void revokeOthers(String account, long keepTokenId) {
            revocations++;
            active.keySet().removeIf(token -> ids.get(token) != keepTokenId);
        }

        @Override
        public Optional<Instant> validUntil(String account, String token) {
            return Optional.ofNullable(active.get(token)).filter(until -> until.isAfter(Instant.now()));
        }

        void revoke(String token) {
            active.remove(token);
        }

        void expireIn(String token, Duration left) {
            active.put(token, Instant.now().plus(left));
        }
    }
}
