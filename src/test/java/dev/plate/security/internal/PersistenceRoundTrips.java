package dev.plate.security.internal;

import dev.plate.sessions.SharedSessions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.audit.AuditLog;
import dev.plate.security.Role;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The same Liquibase changelog and repository round trips on every database Plate supports. The context
 * starting at all proves the schema matches the entities ({@code ddl-auto=validate}).
 */
abstract class PersistenceRoundTrips {

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    SharedSessions sessions;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_changeset_of_the_changelog_was_applied() {
        var ids = jdbc.queryForList("select id from databasechangelog", String.class);

        assertThat(ids).contains("security-001-users", "session-001-spring-session", "audit-001-audit-event");
    }

    @Test
    void a_user_account_round_trips_with_all_its_fields() {
        String name = "rt-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var saved = accounts.saveAndFlush(new UserAccount(name, "Round Trip", Role.MAINTAINER, "{noop}x", now));
        saved.beginLoginAttempt(1, java.time.Duration.ofMinutes(3), now);
        saved.loginFailed(1, java.time.Duration.ofMinutes(3), now);
        accounts.saveAndFlush(saved);

        var loaded = accounts.findByUsername(name).orElseThrow().toSummary();

        assertThat(loaded.displayName()).isEqualTo("Round Trip");
        assertThat(loaded.role()).isEqualTo(Role.MAINTAINER);
        assertThat(loaded.enabled()).isTrue();
        assertThat(loaded.createdAt()).isEqualTo(now);
        assertThat(loaded.lockedUntil()).hasValue(now.plusSeconds(180));
    }

    @Test
    void usernames_are_unique_in_the_database_itself() {
        String name = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.saveAndFlush(new UserAccount(name, "One", Role.VIEWER, "{noop}x", Instant.now()));

        assertThatThrownBy(() -> accounts.saveAndFlush(new UserAccount(name, "Two", Role.VIEWER, "{noop}x",
                Instant.now()))).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void a_security_context_round_trips_through_the_shared_session_table() {
        var context = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated("someone", null,
                java.util.List.of()));

        String row = sessions.store(context, "someone");

        assertThat(sessions.load(row)).hasValueSatisfying(loaded ->
                assertThat(loaded.getAuthentication().getName()).isEqualTo("someone"));
        sessions.end(row);
        assertThat(sessions.load(row)).isEmpty();
    }

    @Test
    void an_audit_event_is_stored_with_its_actor_and_action() {
        String target = "test:" + UUID.randomUUID();

        transactions.executeWithoutResult(status -> audit.record("tester", "test.recorded", target, "details"));

        assertThat(jdbc.queryForObject("select actor || ' ' || action from audit_event where target = ?",
                String.class, target)).isEqualTo("tester test.recorded");
    }
}
