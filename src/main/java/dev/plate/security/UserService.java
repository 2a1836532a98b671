package dev.plate.security;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Account administration. Every method that touches another person's account requires ADMIN, enforced here
 * rather than only in the views: a view may hide a button, the service refuses.
 */
public interface UserService {

    @PreAuthorize("hasRole('ADMIN')")
    List<UserSummary> listUsers();

    @PreAuthorize("hasRole('ADMIN')")
    UserSummary createUser(NewUser user);

    /** Changing a role ends the user's sessions, so the new role applies at their next login. */
    @PreAuthorize("hasRole('ADMIN')")
    UserSummary changeRole(long userId, Role role);

    /**
     * Disabling ends the user's sessions on every instance, their login tokens and their access tokens, for good:
     * enabling them again lets them sign in anew ({@link AccessEnded}).
     */
    @PreAuthorize("hasRole('ADMIN')")
    UserSummary setEnabled(long userId, boolean enabled);

    /** Sets a new generated password, unlocks the account and returns the password to hand over once. */
    @PreAuthorize("hasRole('ADMIN')")
    String resetPassword(long userId);

    @PreAuthorize("hasRole('ADMIN')")
    UserSummary unlock(long userId);

    @PreAuthorize("isAuthenticated()")
    void changeOwnPassword(String currentPassword, String newPassword);

    @PreAuthorize("isAuthenticated()")
    UserSummary currentUser();
}
