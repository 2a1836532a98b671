package dev.plate.deployment.internal;

import dev.plate.support.TestPostgres;
import java.nio.file.Path;
import java.util.List;

/** {@link KilledDuringDeploys} on PostgreSQL, as in production. */
class KilledDuringDeploysOnPostgresTest extends KilledDuringDeploys {

    @Override
    List<String> database(Path data) {
        return List.of("--spring.datasource.url=" + TestPostgres.jdbcUrl("killed"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
    }

    @Override
    String prefix() {
        return "killed-pg";
    }
}
