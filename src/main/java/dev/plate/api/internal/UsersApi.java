package dev.plate.api.internal;

import dev.plate.base.NotFoundException;
import dev.plate.base.ValidationException;
import dev.plate.security.NewUser;
import dev.plate.security.PasswordGenerator;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.security.UserSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * User accounts for automation and {@code plate user} (ADMIN, enforced by {@link UserService}): list, create, change
 * the role, disable or enable, unlock, reset the password. Users are named by username, as people name them.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Users", description = "User accounts (ADMIN)")
class UsersApi {

    private final UserService users;

    UsersApi(UserService users) {
        this.users = users;
    }

    /** @param lockedUntil, lastLoginAt null when not */
    record User(String username, String displayName, Role role, boolean enabled, Instant lockedUntil,
            Instant lastLoginAt, Instant createdAt) {

        static User of(UserSummary user) {
            return new User(user.username(), user.displayName(), user.role(), user.enabled(),
                    user.lockedUntil().orElse(null), user.lastLoginAt().orElse(null), user.createdAt());
        }
    }

    /** @param password empty: one is generated and answered once */
    record NewAccount(String username, String displayName, Role role, String password) {}

    /** @param password only when Plate generated it: shown this once */
    record Created(User user, String password) {}

    record RoleChange(Role role) {}

    record EnabledChange(Boolean enabled) {}

    record Password(String password) {}

    @GetMapping("/users")
    @Operation(summary = "Every user account")
    List<User> list() {
        return users.listUsers().stream().map(User::of).toList();
    }

    @PostMapping(path = "/users", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user; without a password, one is generated and answered once")
    Created create(@RequestBody NewAccount request) {
        boolean generate = request.password() == null || request.password().isEmpty();
        String password = generate ? PasswordGenerator.generate() : request.password();
        var created = users.createUser(new NewUser(request.username(), request.displayName(), request.role(),
                password));
        return new Created(User.of(created), generate ? password : null);
    }

    @PutMapping(path = "/users/{username}/role", consumes = "application/json")
    @Operation(summary = "Change a user's role (ends their sessions: the new role applies at their next sign-in)")
    User changeRole(@PathVariable String username, @RequestBody RoleChange request) {
        if (request.role() == null) {
            throw new ValidationException("role", "Give the new role: one of ADMIN, MAINTAINER, DEVELOPER, VIEWER.");
        }
        return User.of(users.changeRole(find(username).id(), request.role()));
    }

    @PutMapping(path = "/users/{username}/enabled", consumes = "application/json")
    @Operation(summary = "Disable (ends their sessions and tokens' use) or enable a user's account")
    User setEnabled(@PathVariable String username, @RequestBody EnabledChange request) {
        if (request.enabled() == null) {
            throw new ValidationException("enabled", "Say whether the account is enabled: true or false.");
        }
        return User.of(users.setEnabled(find(username).id(), request.enabled()));
    }

    @PostMapping("/users/{username}/unlock")
    @Operation(summary = "Lift a lock after too many failed sign-ins")
    User unlock(@PathVariable String username) {
        return User.of(users.unlock(find(username).id()));
    }

    @PostMapping("/users/{username}/password")
    @Operation(summary = "Set a new generated password (answered once), unlock the account and end its sessions")
    Password resetPassword(@PathVariable String username) {
        return new Password(users.resetPassword(find(username).id()));
    }

    private UserSummary find(String username) {
        return users.listUsers().stream().filter(user -> user.username().equals(username)).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no user named '" + username + "'."));
    }
}
