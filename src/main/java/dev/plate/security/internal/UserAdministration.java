package dev.plate.security.internal;

import dev.plate.sessions.SharedSessions;
import dev.plate.audit.AuditLog;
import dev.plate.security.AccessEnded;
import dev.plate.base.NotFoundException;
import dev.plate.base.ValidationException;
import dev.plate.security.CurrentUser;
import dev.plate.security.NewUser;
import dev.plate.security.PasswordGenerator;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.security.UserSummary;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class UserAdministration implements UserService {

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final SharedSessions sessions;
    private final AuditLog audit;
    private final CurrentUser user;
    private final Clock clock;

    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    UserAdministration(UserAccountRepository accounts, PasswordEncoder passwordEncoder, SharedSessions sessions,
            AuditLog audit, CurrentUser user, Clock clock, LoginThrottle throttle, ApplicationEventPublisher events) {
        this.throttle = throttle;
        this.events = events;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.audit = audit;
        this.user = user;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserSummary> listUsers() {
        return accounts.findAllByOrderByUsernameAsc().stream().map(UserAccount::toSummary).toList();
    }

    @Override
    public UserSummary createUser(NewUser user) {
        String username = UserInputRules.username(user.username());
        String displayName = UserInputRules.displayName(user.displayName(), username);
        if (user.role() == null) {
            throw new ValidationException("role", "Choose a role for the new user.");
        }
        String password = UserInputRules.password("password", user.password());
        if (accounts.findByUsername(username).isPresent()) {
            throw new dev.plate.base.AlreadyExistsException("username", "A user named '" + username + "' already exists.");
        }
        var account = accounts.save(new UserAccount(username, displayName, user.role(),
                passwordEncoder.encode(password), clock.instant()));
        audit.record(actor(), "user.created", "user:" + username, "created with role " + user.role());
        return account.toSummary();
    }

    @Override
    public UserSummary changeRole(long userId, Role role) {
        var account = find(userId);
        if (role == null) {
            throw new ValidationException("role", "Choose a role.");
        }
        Role before = account.role();
        if (before == role) {
            return account.toSummary();
        }
        if (before == Role.ADMIN) {
            requireAnotherActiveAdmin(account, "role");
        }
        account.changeRole(role, clock.instant());
        endSessions(account.username());
        audit.record(actor(), "user.role-changed", "user:" + account.username(), before + " -> " + role);
        return account.toSummary();
    }

    @Override
    public UserSummary setEnabled(long userId, boolean enabled) {
        var account = find(userId);
        if (account.enabled() == enabled && !(account.suspendedByGroups() && !enabled)) {
            return account.toSummary();
        }
        if (!enabled) {
            if (account.username().equals(actor())) {
                throw new ValidationException("enabled", "You cannot disable your own account.");
            }
            if (account.role() == Role.ADMIN) {
                requireAnotherActiveAdmin(account, "enabled");
            }
            endSessions(account.username());
        }
        account.setEnabled(enabled, clock.instant());
        audit.record(actor(), enabled ? "user.enabled" : "user.disabled", "user:" + account.username(),
                enabled ? "" : "sessions, login tokens and access tokens ended; enabling again does not revive them");
        if (!enabled) {
            events.publishEvent(new AccessEnded(account.username(), actor(), "its owner was disabled"));
        }
        return account.toSummary();
    }

    @Override
    public String resetPassword(long userId) {
        var account = find(userId);
        if (account.fromProvider()) {
            throw new ValidationException("password", "'" + account.username() + "' signs in with single sign-on and "
                    + "has no Plate password; the password is kept at the provider.");
        }
        String password = PasswordGenerator.generate();
        account.changePassword(passwordEncoder.encode(password), clock.instant());
        endSessions(account.username());
        audit.record(actor(), "user.password-reset", "user:" + account.username(), "password reset by an administrator");
        return password;
    }

    @Override
    public UserSummary unlock(long userId) {
        var account = find(userId);
        account.unlock(clock.instant());
        throttle.unlocked(account.id());
        audit.record(actor(), "user.unlocked", "user:" + account.username(), "");
        return account.toSummary();
    }

    @Override
    public void changeOwnPassword(String currentPassword, String newPassword) {
        var account = accounts.findByUsername(actor())
                .orElseThrow(() -> new NotFoundException("Your account no longer exists."));
        if (account.fromProvider()) {
            throw new ValidationException("currentPassword", "You sign in with single sign-on: change your password "
                    + "at your provider.");
        }
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
            throw new ValidationException("currentPassword", "The current password is not correct.");
        }
        String password = UserInputRules.password("newPassword", newPassword);
        account.changePassword(passwordEncoder.encode(password), clock.instant());
        // Whoever else holds a session of this account (the reason to change a password) is signed out too.
        endSessions(account.username());
        audit.record(actor(), "user.password-changed", "user:" + account.username(), "changed own password");
    }

    @Override
    @Transactional(readOnly = true)
    public UserSummary currentUser() {
        return accounts.findByUsername(actor()).map(UserAccount::toSummary)
                .orElseThrow(() -> new NotFoundException("Your account no longer exists."));
    }

    private UserAccount find(long userId) {
        return accounts.findById(userId).orElseThrow(() -> new NotFoundException("No user with id " + userId + "."));
    }

    private void endSessions(String username) {
        sessions.endSessionsOfAtCommitToo(username);
    }

    /**
     * Plate must always keep one enabled administrator, or nobody could manage it any more. The admin rows
     * are locked while counting, so two admins demoting each other at once cannot both succeed.
     */
    private void requireAnotherActiveAdmin(UserAccount account, String field) {
        if (account.enabled() && accounts.lockEnabledWithRole(Role.ADMIN).size() <= 1) {
            throw new ValidationException(field, "'" + account.username() + "' is the last enabled administrator; "
                    + "make another user an administrator first.");
        }
    }

    private String actor() {
        return user.name();
    }
}
