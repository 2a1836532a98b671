package dev.plate.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.support.PostgresInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/** Plate's embedded default: the H2 file database in PostgreSQL mode under the data directory. */
@SpringBootTest(properties = "plate.security.admin-password=h2-admin-password")
@ContextConfiguration(initializers = H2PersistenceTest.FreshDataDir.class)
class H2PersistenceTest extends PersistenceRoundTrips {

    @Test
    void runs_on_the_embedded_h2_file_database() {
        assertThat(jdbc.queryForObject("select h2version()", String.class)).startsWith("2.");
    }

    static class FreshDataDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("plate.data-dir=" + PostgresInitializer.tempDataDir())
                    .applyTo(context.getEnvironment());
        }
    }
}
