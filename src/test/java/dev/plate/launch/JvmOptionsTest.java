package dev.plate.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmOptionsTest {

    @Test
    void a_training_start_gets_what_the_cache_depends_on_and_nothing_that_reaches_out() {
        var options = List.of("-Xmx1g", "-XX:+UseSerialGC", "-XX:MaxRAMPercentage=60",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Dspring.datasource.url=jdbc:postgresql://prod/plate",
                "-Dspring.config.additional-location=/etc/plate/", "-javaagent:/opt/otel.jar",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-Xrunjdwp:transport=dt_socket",
                "-Xlog:gc:file=/var/log/plate/gc.log", "-XX:StartFlightRecording=filename=/var/log/plate.jfr",
                "-XX:HeapDumpPath=/var/dumps", "-Dcom.sun.management.jmxremote.port=9010");

        assertThat(JvmOptions.cacheRelevant(options)).containsExactly("-Xmx1g", "-XX:+UseSerialGC",
                "-XX:MaxRAMPercentage=60", "--add-opens=java.base/java.lang=ALL-UNNAMED");
    }

    @Test
    void options_that_choose_an_archive_are_recognised_wherever_they_came_from() {
        assertThat(JvmOptions.choosesArchive(List.of("-Xmx1g", "-XX:AOTCache=/app/plate.aot"))).isTrue();
        assertThat(JvmOptions.choosesArchive(List.of("-Xshare:off"))).isTrue();
        assertThat(JvmOptions.choosesArchive(List.of("-Xmx1g", "-Dplate.x=AOTCache"))).isFalse();
    }
}
