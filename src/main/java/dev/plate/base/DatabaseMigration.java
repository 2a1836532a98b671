package dev.plate.base;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;

/**
 * Brings the database's schema up to the changelog (Liquibase) on a thread of its own, started the moment the
 * data source exists, so that the seconds it takes overlap with the rest of the start instead of coming before it
 * (ADR 0020). Nothing reads the database before it is done: {@link MigratedDataSource} hands out connections only
 * after it.
 *
 * <p>After the schema, the embedded H2 database is made to put each commit on disk before Plate answers. H2 delays
 * writes by 500 ms by default: a killed process then loses deploys it already acknowledged (and their ids are issued
 * again). The default URL says {@code WRITE_DELAY=0}; this makes it so for an H2 URL an operator gave without it too
 * (the setting is kept in the database file). PostgreSQL needs nothing: a commit is durable when it returns.
 */
final class DatabaseMigration {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseMigration.class);

    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private DatabaseMigration() {}

    static DatabaseMigration start(DataSource database, String changeLog, ResourceLoader resources) {
        var migration = new DatabaseMigration();
        Thread.ofPlatform().name("database-migration").daemon().start(() -> migration.run(database, changeLog, resources));
        return migration;
    }

    private void run(DataSource database, String changeLog, ResourceLoader resources) {
        try {
            var liquibase = new SpringLiquibase();
            liquibase.setDataSource(database);
            liquibase.setChangeLog(changeLog);
            liquibase.setResourceLoader(resources);
            liquibase.afterPropertiesSet();
            writeEachCommitAtOnce(database);
            done.complete(null);
        } catch (Exception | Error e) {
            LOG.error("The database could not be brought up to Plate's schema", e);
            done.completeExceptionally(e);
        }
    }

    /** Waits for the migration; a failed one fails every caller with its cause, as a start without it would. */
    void await() throws SQLException {
        try {
            done.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new SQLException("The database could not be brought up to Plate's schema: "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void writeEachCommitAtOnce(DataSource database) {
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            if (connection.getMetaData().getDatabaseProductName().equals("H2")) {
                statement.execute("SET WRITE_DELAY 0");
            }
        } catch (SQLException e) {
            LOG.warn("Could not make the embedded database write each commit at once ({}): a crash may lose the "
                    + "last half second of changes", e.getMessage());
        }
    }
}
