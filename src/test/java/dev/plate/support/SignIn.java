package dev.plate.support;

import dev.plate.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** Signs a user in on the test's thread, as Spring Security would after a login, for calling services directly. */
public final class SignIn {

    private SignIn() {}

    public static void as(SecurityContextHolderStrategy securityContext, String username, Role role) {
        var authorities = role.grantedAuthorities().stream().map(SimpleGrantedAuthority::new).toList();
        securityContext.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
    }
}
