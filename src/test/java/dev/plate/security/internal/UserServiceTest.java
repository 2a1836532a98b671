package dev.plate.security.internal;

import dev.plate.sessions.SharedSessions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.base.ValidationException;
import dev.plate.security.NewUser;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.PlateTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;

@PlateTest
class UserServiceTest {

    @Autowired
    UserService users;

    @Autowired
    SharedSessions sessions;

    @Autowired
    JdbcTemplate jdbc;

    /** The application's own holder: with several contexts in one JVM, the static one may belong to another. */
    @Autowired
    SecurityContextHolderStrategy securityContext;

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @Test
    void a_maintainer_cannot_create_users_even_by_calling_the_service_directly() {
        signInAs("mallory", Role.MAINTAINER);

        assertThatThrownBy(() -> users.createUser(new NewUser("eve", "Eve", Role.ADMIN, "a-long-password")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from plate_user where username = 'eve'", Long.class))
                .isZero();
    }

    @Test
    void a_developer_cannot_list_or_change_users() {
        signInAs("dave", Role.DEVELOPER);

        assertThatThrownBy(() -> users.listUsers()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.changeRole(1, Role.ADMIN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.resetPassword(1)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void creating_a_user_is_audited_with_the_acting_admin() {
        signInAs("admin", Role.ADMIN);

        users.createUser(new NewUser("audited-user", "", Role.VIEWER, "a-long-password"));

        List<String> actors = jdbc.queryForList("select actor from audit_event where action = 'user.created' "
                + "and target = 'user:audited-user'", String.class);
        assertThat(actors).containsExactly("admin");
    }

    @Test
    void disabling_a_user_ends_their_shared_sessions() {
        signInAs("admin", Role.ADMIN);
        var victim = users.createUser(new NewUser("to-disable", "", Role.DEVELOPER, "a-long-password"));
        String row = sessions.store(new SecurityContextImpl(token("to-disable", Role.DEVELOPER)), "to-disable");
        assertThat(sessions.load(row)).isPresent();

        users.setEnabled(victim.id(), false);

        assertThat(sessions.load(row)).isEmpty();
    }

    @Test
    void the_last_enabled_admin_cannot_be_demoted() {
        signInAs("admin", Role.ADMIN);
        var admins = users.listUsers().stream().filter(u -> u.role() == Role.ADMIN && u.enabled()).toList();
        // Only meaningful while "admin" is the only enabled administrator, as in a fresh install.
        assertThat(admins).hasSize(1);

        assertThatThrownBy(() -> users.changeRole(admins.getFirst().id(), Role.VIEWER))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("last enabled administrator");
        assertThat(users.listUsers()).filteredOn(u -> u.username().equals("admin"))
                .allMatch(u -> u.role() == Role.ADMIN);
    }

    private void signInAs(String username, Role role) {
        securityContext.getContext().setAuthentication(token(username, role));
    }

    private static UsernamePasswordAuthenticationToken token(String username, Role role) {
        var authorities = role.grantedAuthorities().stream().map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
    }
}
