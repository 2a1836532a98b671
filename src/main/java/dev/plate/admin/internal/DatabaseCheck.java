package dev.plate.admin.internal;

import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.base.health.SystemCheck;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Opens a connection and asks the database to validate it, naming the product and version it found. */
@Component
class DatabaseCheck implements SystemCheck {

    private final DataSource dataSource;

    DatabaseCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public ComponentStatus check() {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(2)) {
                return new ComponentStatus("Database", State.DOWN, "The connection did not validate within 2 s");
            }
            var meta = connection.getMetaData();
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new ComponentStatus("Database", State.UP,
                    meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " (" + millis + " ms)");
        } catch (SQLException e) {
            return new ComponentStatus("Database", State.DOWN, e.getMessage());
        }
    }
}
