package dev.plate.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context at the shared test PostgreSQL and a fresh data directory. */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(postgresProperties()).and("plate.data-dir=" + tempDataDir())
                .and("plate.security.admin-password=" + PlateTest.ADMIN_PASSWORD)
                // Requests expire as in production, only checked every half second.
                .and("plate.approvals.expiry-sweep-interval=500ms")
                // Notifications are sent and retried as in production, only sooner.
                .and("plate.notifications.send-interval=200ms").and("plate.notifications.retry-base=200ms")
                .applyTo(context.getEnvironment());
    }

    public static String[] postgresProperties() {
        return new String[] {
            "spring.datasource.url=" + TestPostgres.jdbcUrl(),
            "spring.datasource.username=postgres",
            "spring.datasource.password=postgres"
        };
    }

    public static String tempDataDir() {
        try {
            return Files.createTempDirectory("plate-test-data").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
