package dev.plate.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

/**
 * An upgrade to {@code access_ended_at} on a database that already has a disabled account: its access ends in the
 * migration, so enabling it afterwards revives none of its tokens. Simulated on the real changelog: applied, then put
 * back to how it was before the two changesets (column gone, not recorded as run), then upgraded again.
 */
class AccessEndedMigrationTest {

    @Test
    void an_account_disabled_before_the_upgrade_has_its_access_ended_and_its_tokens_revoked() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:access-ended;MODE=PostgreSQL;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "plate", "")) {
            update(connection);
            try (Statement sql = connection.createStatement()) {
                sql.execute("delete from databasechangelog where id like 'security-008-access-ended-at%'");
                sql.execute("alter table plate_user drop column access_ended_at");
                for (String user : new String[] {"gone", "here"}) {
                    sql.execute("insert into plate_user (username, display_name, password_hash, role, enabled, "
                            + "created_at, updated_at) values ('" + user + "', '" + user + "', 'x', 'DEVELOPER', "
                            + user.equals("here") + ", current_timestamp, current_timestamp)");
                    sql.execute("insert into api_token (user_id, name, token_hash, token_prefix, created_at, "
                            + "expires_at) select id, 'ci', '" + user + "-hash', 'plate_', current_timestamp, "
                            + "dateadd('DAY', 30, current_timestamp) from plate_user where username = '" + user + "'");
                }
            }

            update(connection);

            assertThat(one(connection, "select count(*) from plate_user where username = 'gone' and access_ended_at "
                    + "is not null")).as("the disabled account's access ended").isEqualTo(1);
            assertThat(one(connection, "select count(*) from plate_user where username = 'here' and access_ended_at "
                    + "is null")).as("an enabled account untouched").isEqualTo(1);
            assertThat(one(connection, "select count(*) from api_token where token_hash = 'gone-hash' and revoked_at "
                    + "is not null")).as("its token revoked").isEqualTo(1);
            assertThat(one(connection, "select count(*) from api_token where token_hash = 'here-hash' and revoked_at "
                    + "is null")).as("another's token live").isEqualTo(1);
        }
    }

    private static void update(Connection connection) throws Exception {
        var database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        new Liquibase("db/changelog/db.changelog-master.yaml", new ClassLoaderResourceAccessor(), database)
                .update("");
    }

    private static int one(Connection connection, String query) throws SQLException {
        try (Statement sql = connection.createStatement(); var rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
