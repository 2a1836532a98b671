package dev.plate.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL per test JVM (zonky: the PostgreSQL binaries from Maven Central), started on first use
 * on a random port and stopped when the JVM exits.
 */
public final class TestPostgres {

    private static EmbeddedPostgres server;

    private TestPostgres() {}

    public static synchronized String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    /**
     * A database of its own on the same server, for a test context that must not share rows (or the leader
     * lease) with the others.
     */
    public static synchronized String jdbcUrl(String database) {
        start();
        if (!database.equals("postgres")) {
            try (var connection = server.getPostgresDatabase().getConnection();
                    var statement = connection.createStatement()) {
                var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
                if (!exists.next()) {
                    statement.execute("create database " + database);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Could not create test database " + database, e);
            }
        }
        return server.getJdbcUrl("postgres", database);
    }

    private static void start() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL for the tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop));
        }
    }

    private static void stop() {
        try {
            server.close();
        } catch (IOException ignored) {
            // the JVM is exiting; the OS reclaims the rest
        }
    }
}
