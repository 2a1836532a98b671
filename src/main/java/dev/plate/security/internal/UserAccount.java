package dev.plate.security.internal;

import dev.plate.security.Role;
import dev.plate.security.UserSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "plate_user")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 128)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The OpenID Connect provider that vouches for this account; null for a local account. */
    @Column(name = "identity_issuer", length = 512)
    private String identityIssuer;

    @Column(name = "identity_subject", length = 255)
    private String identitySubject;

    /**
     * The groups the provider named at the last sign-in, one per line; team mappings decide from them, so all are
     * kept (the sign-in takes at most 500, each at most 255 characters).
     */
    @Column(name = "identity_groups", length = 131072)
    private String identityGroups;

    /**
     * Disabled because the provider's groups gave no access at the last sign-in (not by an administrator): the next
     * sign-in whose groups give access enables the account again.
     */
    @Column(name = "suspended_by_groups", nullable = false)
    private boolean suspendedByGroups;

    /**
     * When access was last ended (disabled or suspended). Login tokens carry a fingerprint of it, so those issued
     * before stay refused once the account is enabled again: a credential ended for a suspected compromise must not
     * come back to life.
     */
    @Column(name = "access_ended_at")
    private Instant accessEndedAt;

    @Version
    private long version;

    protected UserAccount() {}

    UserAccount(String username, String displayName, Role role, String passwordHash, Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.passwordHash = passwordHash;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** An account created at its first sign-in through a provider; it has no password anyone knows. */
    static UserAccount fromProvider(String username, String displayName, Role role, String unusableHash,
            String issuer, String subject, Instant now) {
        var account = new UserAccount(username, displayName, role, unusableHash, now);
        account.identityIssuer = issuer;
        account.identitySubject = subject;
        return account;
    }

    UserSummary toSummary() {
        return new UserSummary(id, username, displayName, role, enabled,
                Optional.ofNullable(lockedUntil), Optional.ofNullable(lastLoginAt), createdAt,
                identityIssuer != null);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts a sign-in attempt against the whole account (from any address not trusted for it) before its password
     * is checked, so attempts racing in parallel are counted too. Returns the end of the lock when the attempt is
     * refused: the account is locked, or as many attempts as allowed are already failed or under way (which locks
     * it).
     */
    Optional<Instant> beginLoginAttempt(int maxFailures, Duration lockDuration, Instant now) {
        if (lockedAt(now)) {
            return Optional.of(lockedUntil);
        }
        updatedAt = now;
        if (failedLogins >= maxFailures) {
            lock(lockDuration, now);
            return Optional.of(lockedUntil);
        }
        failedLogins++;
        return Optional.empty();
    }

    /** The attempt counted by {@link #beginLoginAttempt} failed; returns the lock's end if it is now locked. */
    Optional<Instant> loginFailed(int maxFailures, Duration lockDuration, Instant now) {
        if (!lockedAt(now) && failedLogins >= maxFailures) {
            lock(lockDuration, now);
        }
        return lockedAt(now) ? Optional.of(lockedUntil) : Optional.empty();
    }

    /**
     * Signed in (from an address the account-wide lock does not hold back): the count starts again, unless a lock
     * that others caused holds — it stays, for them.
     */
    void signedIn(Instant now) {
        if (!lockedAt(now)) {
            failedLogins = 0;
            lockedUntil = null;
        }
        lastLoginAt = now;
        updatedAt = now;
    }

    private void lock(Duration lockDuration, Instant now) {
        lockedUntil = now.plus(lockDuration);
        failedLogins = 0;
    }

    /** An administrator lifted the lock. */
    void unlock(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        updatedAt = now;
    }

    void changeRole(Role newRole, Instant now) {
        role = newRole;
        updatedAt = now;
    }

    void setEnabled(boolean value, Instant now) {
        if (!value) {
            accessEndedAt = now;
        }
        enabled = value;
        // An administrator's decision replaces the provider's: enabled stays enabled until the groups say otherwise.
        suspendedByGroups = false;
        updatedAt = now;
    }

    void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        failedLogins = 0;
        lockedUntil = null;
        updatedAt = now;
    }

    /**
     * A sign-in through the provider: the role its groups give now (empty: none, which suspends the account until
     * a sign-in whose groups give one). Returns whether the role or the suspension changed.
     */
    boolean signedInThroughProvider(String name, java.util.List<String> groups, Optional<Role> granted, Instant now) {
        boolean changed = false;
        displayName = name;
        identityGroups = String.join("\n", groups);
        if (granted.isEmpty()) {
            changed = !suspendedByGroups && enabled;
            if (enabled) {
                suspendedByGroups = true;
                enabled = false;
                accessEndedAt = now;
            }
        } else {
            if (suspendedByGroups) {
                suspendedByGroups = false;
                enabled = true;
                changed = true;
            }
            if (role != granted.get()) {
                role = granted.get();
                changed = true;
            }
            signedIn(now);
        }
        updatedAt = now;
        return changed;
    }

    boolean fromProvider() {
        return identityIssuer != null;
    }

    boolean suspendedByGroups() {
        return suspendedByGroups;
    }

    Long id() {
        return id;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    Role role() {
        return role;
    }

    boolean enabled() {
        return enabled;
    }

    Optional<Instant> lockedUntil() {
        return Optional.ofNullable(lockedUntil);
    }

    int failedLogins() {
        return failedLogins;
    }
}
