package dev.plate.base;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A commit on the embedded H2 database is on disk before Plate answers. H2 delays writes by 500 ms by default:
 * a killed process then loses deploys it already acknowledged (and their ids are issued again). The default URL
 * says {@code WRITE_DELAY=0}; this makes it so for an H2 URL an operator gave without it too (the setting is kept
 * in the database file). PostgreSQL needs nothing: a commit is durable when it returns.
 */
@Component
class DurableEmbeddedDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(DurableEmbeddedDatabase.class);

    DurableEmbeddedDatabase(DataSource dataSource) {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            if (connection.getMetaData().getDatabaseProductName().equals("H2")) {
                statement.execute("SET WRITE_DELAY 0");
            }
        } catch (SQLException e) {
            LOG.warn("Could not make the embedded database write each commit at once ({}): a crash may lose the "
                    + "last half second of changes", e.getMessage());
        }
    }
}
