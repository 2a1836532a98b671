package dev.plate.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * The schema is migrated on a thread of its own from the moment the data source exists (ADR 0020), and whoever asks
 * for a connection first gets one only once the tables are there: callers racing the migration never see a
 * half-made database, and a migration that fails fails them with its cause.
 */
class DatabaseStartTest {

    @Test
    void callers_racing_the_migration_find_every_table_there() throws Exception {
        var database = (DataSource) start(h2("racing"), new StandardEnvironment());

        List<Future<Integer>> readers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                // Plate's own tables, from several modules' changelogs, asked for at once while Liquibase runs.
                readers.add(pool.submit(() -> new JdbcTemplate(database).queryForObject(
                        "select count(*) from plate_user", Integer.class)
                        + new JdbcTemplate(database).queryForObject("select count(*) from deployment", Integer.class)
                        + new JdbcTemplate(database).queryForObject("select count(*) from notification_channel",
                                Integer.class)));
            }
            for (var reader : readers) {
                assertThat(reader.get()).isZero();
            }
        }
        var applied = new JdbcTemplate(database).queryForObject("select count(*) from databasechangelog",
                Integer.class);
        assertThat(applied).as("every changeset recorded").isGreaterThan(20);
        assertThat(new JdbcTemplate(database).queryForList(
                "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'",
                String.class)).as("each commit on disk at once").isNotEmpty().containsOnly("0");
    }

    @Test
    void a_migration_that_fails_fails_every_caller_with_its_cause() {
        var environment = new MockEnvironment().withProperty("spring.liquibase.change-log",
                "classpath:db/changelog/no-such-changelog.yaml");
        var database = (DataSource) start(h2("failing"), environment);

        var first = catchThrowable(database::getConnection);
        var second = catchThrowable(database::getConnection);

        assertThat(first).isInstanceOf(SQLException.class)
                .hasMessageContaining("could not be brought up to Plate's schema")
                .hasMessageContaining("no-such-changelog.yaml");
        assertThat(second).isInstanceOf(SQLException.class).hasMessage(first.getMessage());
    }

    @Test
    void only_a_data_source_is_put_behind_the_migration_and_only_once() {
        var post = new DatabaseStart();
        post.setEnvironment(new StandardEnvironment());
        post.setResourceLoader(new DefaultResourceLoader());
        var gated = post.postProcessAfterInitialization(h2("once"), "dataSource");

        assertThat(gated).isInstanceOf(MigratedDataSource.class);
        assertThat(post.postProcessAfterInitialization(gated, "dataSource")).isSameAs(gated);
        Object other = "not a data source";
        assertThat(post.postProcessAfterInitialization(other, "other")).isSameAs(other);
    }

    private static Object start(DataSource database, org.springframework.core.env.Environment environment) {
        var post = new DatabaseStart();
        post.setEnvironment(environment);
        post.setResourceLoader(new DefaultResourceLoader());
        return post.postProcessAfterInitialization(database, "dataSource");
    }

    private static DataSource h2(String name) {
        return new DriverManagerDataSource("jdbc:h2:mem:" + name + "-" + System.nanoTime()
                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "plate", "");
    }
}
