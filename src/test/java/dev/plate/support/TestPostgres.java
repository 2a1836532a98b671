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
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL for the tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop));
        }
        return server.getJdbcUrl("postgres", "postgres");
    }

    private static void stop() {
        try {
            server.close();
        } catch (IOException ignored) {
            // the JVM is exiting; the OS reclaims the rest
        }
    }
}
