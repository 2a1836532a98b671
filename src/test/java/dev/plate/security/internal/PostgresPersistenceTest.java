package dev.plate.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.support.PlateTest;
import org.junit.jupiter.api.Test;

@PlateTest
class PostgresPersistenceTest extends PersistenceRoundTrips {

    @Test
    void runs_on_a_real_postgresql() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 17");
    }
}
