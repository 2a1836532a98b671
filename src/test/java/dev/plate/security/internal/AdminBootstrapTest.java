package dev.plate.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.security.Role;
import dev.plate.security.ServiceUsers;
import dev.plate.support.PlateTest;
import dev.plate.support.PostgresInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A first start where the leader's background work created Argo CD's service account before the first administrator
 * (seen in a clean-clone run: every browser test of that context then met "Incorrect username or password"). The
 * administrator is still created, with the configured password, on a database of its own.
 */
@SpringBootTest(properties = {"plate.security.admin-password=" + PlateTest.ADMIN_PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:admin-bootstrap;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@org.springframework.test.context.ContextConfiguration(initializers = AdminBootstrapTest.FreshDataDir.class)
class AdminBootstrapTest {

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void the_first_administrator_is_created_although_a_service_account_came_first() {
        var argoCd = accounts.findByUsername("plate-argocd").orElseThrow();
        var admin = accounts.findByUsername("admin").orElseThrow();

        assertThat(argoCd.id()).as("the service account came first").isLessThan(admin.id());
        assertThat(admin.toSummary().role()).isEqualTo(Role.ADMIN);
        assertThat(passwords.matches(PlateTest.ADMIN_PASSWORD, admin.passwordHash())).isTrue();
    }

    @TestConfiguration
    static class ServiceAccountFirst {
        /** What the leader's first round does when Argo CD is connected, here made to win the race every time. */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ApplicationRunner argoCdServiceAccountFirst(ServiceUsers users) {
            return args -> users.ensure("plate-argocd", "Argo CD (reads the config repository)", Role.VIEWER);
        }
    }

    static class FreshDataDir implements org.springframework.context.ApplicationContextInitializer<
            org.springframework.context.ConfigurableApplicationContext> {
        @Override
        public void initialize(org.springframework.context.ConfigurableApplicationContext context) {
            org.springframework.boot.test.util.TestPropertyValues.of("plate.data-dir="
                    + PostgresInitializer.tempDataDir()).applyTo(context.getEnvironment());
        }
    }
}
