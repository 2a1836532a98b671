package dev.plate.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.support.EmbeddedDefaultsTest;
import org.junit.jupiter.api.Test;

/** Plate's embedded default: the H2 file database in PostgreSQL mode under the data directory. */
@EmbeddedDefaultsTest
class H2PersistenceTest extends PersistenceRoundTrips {

    @Test
    void runs_on_the_embedded_h2_file_database() {
        assertThat(jdbc.queryForObject("select h2version()", String.class)).startsWith("2.");
    }
}
