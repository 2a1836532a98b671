package dev.plate.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavaCommandTest {

    @Test
    void a_java_jar_command_keeps_its_options_and_arguments_around_the_cached_jar() {
        var command = JavaCommand.parse(List.of("java", "-Xmx1g", "-Dplate.x=a b", "-jar", "target/plate.jar",
                "--server.port=9090", "")).orElseThrow();

        assertThat(command.options()).containsExactly("-Xmx1g", "-Dplate.x=a b");
        assertThat(command.jar()).isEqualTo("target/plate.jar");
        assertThat(command.with("/usr/lib/jvm/bin/java", List.of("-XX:AOTCache=/c/plate.aot"), "/c/app/plate.jar"))
                .as("ours first, so that the person's own options win; their arguments untouched")
                .containsExactly("/usr/lib/jvm/bin/java", "-XX:AOTCache=/c/plate.aot", "-Xmx1g", "-Dplate.x=a b",
                        "-jar", "/c/app/plate.jar", "--server.port=9090", "");
    }

    @Test
    void a_start_that_chose_its_own_archive_or_no_jar_is_left_as_it_was() {
        assertThat(JavaCommand.parse(List.of("java", "-XX:AOTCache=app.aot", "-jar", "plate.jar"))).isEmpty();
        assertThat(JavaCommand.parse(List.of("java", "-XX:SharedArchiveFile=a.jsa", "-jar", "plate.jar"))).isEmpty();
        assertThat(JavaCommand.parse(List.of("java", "-Xshare:off", "-jar", "plate.jar"))).isEmpty();
        assertThat(JavaCommand.parse(List.of("java", "-Djarmode=tools", "-jar", "plate.jar", "extract"))).isEmpty();
        assertThat(JavaCommand.parse(List.of("java", "-cp", "plate.jar", "dev.plate.PlateApplication"))).isEmpty();
        assertThat(JavaCommand.parse(List.of("java", "-jar"))).isEmpty();
    }
}
