package dev.plate.tokens.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.base.ValidationException;
import dev.plate.security.NewUser;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.PlateTest;
import dev.plate.tokens.ApiTokens;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

@PlateTest
class ApiTokensTest {

    @Autowired
    ApiTokens tokens;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @Test
    void aTokenIsShownOnceKeptOnlyAsAHashAndActsWithItsOwnersCurrentRole() {
        String owner = user(Role.DEVELOPER);
        signInAs(owner, Role.DEVELOPER);

        var created = tokens.create("ci", 30);

        assertThat(created.token()).startsWith("plate_").hasSizeGreaterThan(40);
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ? or token_prefix = ?",
                Long.class, created.token(), created.token())).isZero();
        assertThat(tokens.mine()).extracting(ApiTokens.TokenSummary::name).containsExactly("ci");
        var authentication = tokens.authenticate(created.token()).orElseThrow();
        assertThat(authentication.getName()).isEqualTo(owner);
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_DEVELOPER").doesNotContain("ROLE_MAINTAINER");

        signInAs("admin", Role.ADMIN);
        long id = users.listUsers().stream().filter(u -> u.username().equals(owner)).findFirst().orElseThrow().id();
        users.changeRole(id, Role.MAINTAINER);
        assertThat(tokens.authenticate(created.token()).orElseThrow().getAuthorities())
                .extracting(GrantedAuthority::getAuthority).contains("ROLE_MAINTAINER");
        users.setEnabled(id, false);
        assertThat(tokens.authenticate(created.token())).as("a disabled owner's tokens stop").isEmpty();
    }

    @Test
    void revokedExpiredAndForgedTokensAuthenticateNobody() {
        String owner = user(Role.VIEWER);
        signInAs(owner, Role.VIEWER);
        var revoked = tokens.create("old", 30);
        var expired = tokens.create("short", 1);
        tokens.revoke(revoked.summary().id());
        jdbc.update("update api_token set expires_at = ? where id = ?", Timestamp.from(Instant.now().minusSeconds(1)),
                expired.summary().id());

        assertThat(tokens.authenticate(revoked.token())).isEmpty();
        assertThat(tokens.authenticate(expired.token())).isEmpty();
        assertThat(tokens.authenticate("plate_" + "A".repeat(43))).isEmpty();
        assertThat(tokens.authenticate("not-a-token")).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();
        assertThat(tokens.mine()).filteredOn(t -> t.activeAt(Instant.now())).isEmpty();
    }

    @Test
    void onlyTheOwnerOrAnAdminRevokesAToken() {
        String owner = user(Role.DEVELOPER);
        signInAs(owner, Role.DEVELOPER);
        var token = tokens.create("laptop", 7);

        signInAs(user(Role.MAINTAINER), Role.MAINTAINER);
        assertThatThrownBy(() -> tokens.revoke(token.summary().id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tokens.all()).isInstanceOf(AccessDeniedException.class);
        assertThat(tokens.authenticate(token.token())).isPresent();

        signInAs("admin", Role.ADMIN);
        tokens.revoke(token.summary().id());
        assertThat(tokens.authenticate(token.token())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'token.revoked' and actor = "
                + "'admin' and target = ?", Long.class, "user:" + owner)).isEqualTo(1);
    }

    @Test
    void badNamesAndLifetimesAreRefusedAndNothingIsStored() {
        String owner = user(Role.DEVELOPER);
        signInAs(owner, Role.DEVELOPER);

        assertThatThrownBy(() -> tokens.create(" ", 30)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> tokens.create("x".repeat(65), 30)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> tokens.create("line\nbreak", 30)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> tokens.create("ci", 0)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("days"));
        assertThatThrownBy(() -> tokens.create("ci", 366)).isInstanceOf(ValidationException.class);
        assertThat(tokens.mine()).isEmpty();
    }

    private String user(Role role) {
        signInAs("admin", Role.ADMIN);
        String name = "tok" + UUID.randomUUID().toString().substring(0, 8);
        users.createUser(new NewUser(name, "Token Tester", role, "a-long-enough-password-1"));
        securityContext.clearContext();
        return name;
    }

    private void signInAs(String username, Role role) {
        dev.plate.support.SignIn.as(securityContext, username, role);
    }
}
