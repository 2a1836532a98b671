package dev.plate.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A checkout built once is built again (a developer's second {@code ./mvnw package}): Spring's ahead-of-time
 * processing runs Plate's main over a classes directory that already holds the first build's definitions, and must
 * generate new ones rather than start from the old (it failed with "instance supplier is not supported" once
 * {@code spring-boot:run} learnt to start from current definitions).
 */
class RepeatedBuildTest {

    @Test
    void a_second_build_of_a_built_checkout_generates_its_definitions_again() throws Exception {
        Path context = PackagedBuild.jar().getParent().getParent();
        Path initializer = context.resolve("target/classes/dev/plate/PlateApplication__ApplicationContextInitializer.class");
        var first = Files.getLastModifiedTime(initializer);

        PackagedBuild.run(context, "./mvnw", "-o", "-B", "-q", "prepare-package", "-DskipTests");

        assertThat(Files.getLastModifiedTime(initializer)).isGreaterThan(first);
    }
}
