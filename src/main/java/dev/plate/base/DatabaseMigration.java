package dev.plate.base;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

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

    static DatabaseMigration start(DataSource database, Environment environment, ResourceLoader resources) {
        var migration = new DatabaseMigration();
        // Bound here, on the caller's thread: the settings an operator gives Boot's runner apply to this one too.
        var properties = Binder.get(environment).bind("spring.liquibase", LiquibaseProperties.class)
                .orElseGet(LiquibaseProperties::new);
        var liquibase = liquibase(database, properties, environment);
        liquibase.setResourceLoader(resources);
        Thread.ofPlatform().name("database-migration").daemon().start(() -> migration.run(liquibase, database));
        return migration;
    }

    /** What Boot's own runner would run, from the same {@code spring.liquibase.*} settings. */
    private static SpringLiquibase liquibase(DataSource database, LiquibaseProperties properties,
            Environment environment) {
        var liquibase = new SpringLiquibase();
        liquibase.setDataSource(ownAccount(properties, environment).orElse(database));
        liquibase.setChangeLog(properties.getChangeLog() == null
                ? "classpath:db/changelog/db.changelog-master.yaml" : properties.getChangeLog());
        if (properties.getContexts() != null) {
            liquibase.setContexts(String.join(",", properties.getContexts()));
        }
        if (properties.getLabelFilter() != null) {
            liquibase.setLabelFilter(String.join(",", properties.getLabelFilter()));
        }
        liquibase.setDefaultSchema(properties.getDefaultSchema());
        liquibase.setLiquibaseSchema(properties.getLiquibaseSchema());
        liquibase.setLiquibaseTablespace(properties.getLiquibaseTablespace());
        liquibase.setDatabaseChangeLogTable(properties.getDatabaseChangeLogTable());
        liquibase.setDatabaseChangeLogLockTable(properties.getDatabaseChangeLogLockTable());
        liquibase.setDropFirst(properties.isDropFirst());
        liquibase.setClearCheckSums(properties.isClearChecksums());
        liquibase.setChangeLogParameters(properties.getParameters());
        liquibase.setTag(properties.getTag());
        return liquibase;
    }

    /**
     * {@code spring.liquibase.user}/{@code url}: the schema is changed by an account of its own (one that may alter
     * tables while Plate's own may not), as with Boot's runner; the URL defaults to the application's.
     */
    private static java.util.Optional<DataSource> ownAccount(LiquibaseProperties properties, Environment environment) {
        if (properties.getUser() == null && properties.getUrl() == null) {
            return java.util.Optional.empty();
        }
        var own = new DriverManagerDataSource(properties.getUrl() != null ? properties.getUrl()
                : environment.getRequiredProperty("spring.datasource.url"));
        own.setUsername(properties.getUser() != null ? properties.getUser()
                : environment.getProperty("spring.datasource.username"));
        own.setPassword(properties.getPassword() != null ? properties.getPassword()
                : environment.getProperty("spring.datasource.password"));
        if (properties.getDriverClassName() != null) {
            own.setDriverClassName(properties.getDriverClassName());
        }
        return java.util.Optional.of(own);
    }

    private void run(SpringLiquibase liquibase, DataSource database) {
        try {
            liquibase.afterPropertiesSet();
            writeEachCommitAtOnce(database);
            done.complete(null);
        } catch (Exception | Error e) {
            LOG.error("The database could not be brought up to Plate's schema", e);
            done.completeExceptionally(e);
        }
    }

    /** Waits at most {@code limit} for the migration (before the pool closes under it), whatever its outcome. */
    void awaitQuietly(java.time.Duration limit) {
        try {
            done.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // Failed: nothing to wait for. Still running: a stop must not hang on a lock held elsewhere.
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
