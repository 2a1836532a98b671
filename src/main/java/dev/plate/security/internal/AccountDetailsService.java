package dev.plate.security.internal;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads accounts for the password check. The principal is Spring's serializable {@link User}, because the
 * security context is stored in the shared session table.
 */
class AccountDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;

    AccountDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        // An account of the sign-in provider has no password here: to a password it is an account that does not exist.
        var account = accounts.findByUsername(username).filter(found -> !found.fromProvider())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .authorities(account.role().grantedAuthorities().toArray(String[]::new))
                .disabled(!account.enabled())
                .build();
    }
}
