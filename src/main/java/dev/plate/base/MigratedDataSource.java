package dev.plate.base;

import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source, which gives out a connection only once {@link DatabaseMigration} is done: whoever
 * asks first during the start (Hibernate validating the schema, a setting read, the session store) waits for the
 * schema rather than finding tables missing. Afterwards it costs a completed future's check per connection.
 */
final class MigratedDataSource extends DelegatingDataSource {

    private final DatabaseMigration migration;

    MigratedDataSource(DataSource target, DatabaseMigration migration) {
        super(target);
        this.migration = migration;
    }

    @Override
    public Connection getConnection() throws SQLException {
        migration.await();
        return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        migration.await();
        return super.getConnection(username, password);
    }

    @Override
    public ConnectionBuilder createConnectionBuilder() throws SQLException {
        migration.await();
        return obtainTargetDataSource().createConnectionBuilder();
    }

    /**
     * Closes the pool at the context's end, after a migration still running (a start that failed elsewhere): closing
     * it under Liquibase would leave the changelog lock taken, and the next start waiting for it.
     */
    public void close() throws Exception {
        migration.awaitQuietly(Duration.ofSeconds(30));
        if (obtainTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }
}
