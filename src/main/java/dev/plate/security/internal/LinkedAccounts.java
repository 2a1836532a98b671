package dev.plate.security.internal;

import dev.plate.sessions.SharedSessions;
import dev.plate.audit.AuditLog;
import dev.plate.security.AccessEnded;
import dev.plate.security.ProviderAccounts;
import dev.plate.security.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Links and updates the accounts of people a sign-in provider vouches for; see {@link ProviderAccounts}. */
@Component
class LinkedAccounts implements ProviderAccounts {

    private final UserAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final SharedSessions sessions;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LinkedAccounts(UserAccountRepository accounts, PasswordEncoder encoder, SharedSessions sessions, AuditLog audit,
            Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.encoder = encoder;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Outcome signIn(Identity identity, Optional<Role> granted) {
        var existing = accounts.findByIdentityIssuerAndIdentitySubject(identity.issuer(), identity.subject());
        return existing.isPresent() ? returning(existing.get(), identity, granted)
                : first(identity, granted);
    }

    private Outcome returning(UserAccount account, Identity identity, Optional<Role> granted) {
        String username = account.username();
        if (!account.enabled() && !account.suspendedByGroups()) {
            return refused(username, account.role(), "Your Plate account '" + username + "' is disabled: ask a Plate "
                    + "administrator.");
        }
        if (account.enabled() && account.role() == Role.ADMIN && granted.filter(Role.ADMIN::equals).isEmpty()
                && accounts.lockEnabledWithRole(Role.ADMIN).size() <= 1) {
            // The last enabled administrator stays one: Plate must always be manageable.
            return refused(username, account.role(), "Your groups at the provider no longer make you an "
                    + "administrator, but you are Plate's last enabled one, so nothing was changed and the sign-in is "
                    + "refused: make another administrator first (" + "groups: " + describe(identity.groups()) + ").");
        }
        Role before = account.role();
        boolean wasEnabled = account.enabled();
        if (account.signedInThroughProvider(identity.displayName(), identity.groups(), granted, clock.instant())) {
            endSessions(username);
            String groups = describe(identity.groups());
            if (granted.isEmpty()) {
                audit.record(username, "user.suspended", "user:" + username, "none of the groups at the provider gives "
                        + "access any more (" + groups + "); sessions, login tokens and access tokens ended");
                events.publishEvent(new AccessEnded(username, username, "none of its owner's groups at the provider "
                        + "gives access any more"));
            } else {
                audit.record(username, wasEnabled ? "user.role-changed" : "user.enabled", "user:" + username,
                        (wasEnabled ? before + " -> " + granted.get() : "groups give access again, as "
                                + granted.get()) + " (groups: " + groups + ")");
            }
        }
        return granted.isEmpty() ? refused(username, before, noAccess(identity))
                : new Outcome(username, granted.get(), Optional.empty());
    }

    private Outcome first(Identity identity, Optional<Role> granted) {
        if (granted.isEmpty()) {
            return refused(identity.username(), null, noAccess(identity));
        }
        if (accounts.findByUsername(identity.username()).isPresent()) {
            return refused(identity.username(), null, "A Plate account named '" + identity.username() + "' already "
                    + "exists and is not linked to your sign-in at the provider; Plate never takes an account over. "
                    + "Sign in with that account's password, or ask a Plate administrator.");
        }
        var account = accounts.save(UserAccount.fromProvider(identity.username(), identity.displayName(),
                granted.get(), unusablePassword(), identity.issuer(), identity.subject(), clock.instant()));
        account.signedInThroughProvider(identity.displayName(), identity.groups(), granted, clock.instant());
        audit.record(identity.username(), "user.created", "user:" + identity.username(), "first sign-in through "
                + identity.issuer() + " (subject " + identity.subject() + "), role " + granted.get() + " (groups: "
                + describe(identity.groups()) + ")");
        return new Outcome(identity.username(), granted.get(), Optional.empty());
    }

    private static Outcome refused(String username, Role role, String why) {
        return new Outcome(username, role, Optional.of(why));
    }

    private static String noAccess(Identity identity) {
        return "None of your groups gives access to Plate (the provider names " + describe(identity.groups())
                + "): ask a Plate administrator to map one of them to a role.";
    }

    static String describe(List<String> groups) {
        if (groups.isEmpty()) {
            return "no groups";
        }
        String shown = String.join(", ", groups.subList(0, Math.min(groups.size(), 10)));
        return groups.size() > 10 ? shown + " and " + (groups.size() - 10) + " more" : shown;
    }

    /** A hash of a random password nobody is told: the account cannot sign in with a password. */
    private String unusablePassword() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return encoder.encode(HexFormat.of().formatHex(random));
    }

    private void endSessions(String username) {
        sessions.endSessionsOfAtCommitToo(username);
    }
}
