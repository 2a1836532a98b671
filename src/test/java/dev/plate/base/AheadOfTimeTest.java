package dev.plate.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A classes directory ({@code spring-boot:run}) starts from the generated definitions only while they are current;
 * the jar's ahead-of-time start is ImageBuildContextTest's.
 */
class AheadOfTimeTest {

    private static final Instant PACKAGED = Instant.parse("2026-12-03T10:00:00Z");

    @TempDir
    Path classes;

    @Test
    void definitions_generated_after_everything_else_are_current() throws Exception {
        Path initializer = file("dev/plate/PlateApplication__ApplicationContextInitializer.class", PACKAGED);
        file("dev/plate/PlateApplication.class", PACKAGED.minusSeconds(30));
        file("application.properties", PACKAGED.minusSeconds(40));
        file("dev/plate/base/Thing.class", PACKAGED.minusSeconds(30));
        file("dev/plate/base/Thing__BeanDefinitions.class", PACKAGED.plusSeconds(1));
        file("META-INF/VAADIN/config/stats.json", PACKAGED.plusSeconds(600));

        assertThat(AheadOfTime.current(classes, initializer)).as("the frontend build rewrites its files on every build")
                .isTrue();
    }

    @Test
    void a_class_or_setting_changed_since_the_package_makes_them_stale() throws Exception {
        Path initializer = file("dev/plate/PlateApplication__ApplicationContextInitializer.class", PACKAGED);
        Path code = file("dev/plate/PlateApplication.class", PACKAGED.minusSeconds(30));
        Path settings = file("application.properties", PACKAGED.minusSeconds(40));

        Files.setLastModifiedTime(code, FileTime.from(PACKAGED.plusSeconds(5)));
        assertThat(AheadOfTime.current(classes, initializer)).isFalse();
        Files.setLastModifiedTime(code, FileTime.from(PACKAGED.minusSeconds(5)));
        Files.setLastModifiedTime(settings, FileTime.from(PACKAGED.plusSeconds(5)));
        assertThat(AheadOfTime.current(classes, initializer)).isFalse();
    }

    @Test
    void a_class_deleted_since_the_package_makes_them_stale() throws Exception {
        Path initializer = file("dev/plate/PlateApplication__ApplicationContextInitializer.class", PACKAGED);
        file("dev/plate/PlateApplication.class", PACKAGED.minusSeconds(30));
        Path thing = file("dev/plate/base/Thing.class", PACKAGED.minusSeconds(30));
        file("dev/plate/base/Thing__BeanDefinitions.class", PACKAGED.plusSeconds(1));
        file("dev/plate/base/Thing__Autowiring.class", PACKAGED.plusSeconds(1));
        file("com/vaadin/flow/spring/SpringBootAutoConfiguration__BeanDefinitions.class", PACKAGED.plusSeconds(1));
        assertThat(AheadOfTime.current(classes, initializer)).isTrue();

        Files.delete(thing);
        assertThat(AheadOfTime.current(classes, initializer)).isFalse();
    }

    @Test
    void a_file_of_the_application_with_two_underscores_is_not_taken_for_a_generated_one() throws Exception {
        Path initializer = file("dev/plate/PlateApplication__ApplicationContextInitializer.class", PACKAGED);
        file("templates/chart__values.yaml", PACKAGED.plusSeconds(60));

        assertThat(AheadOfTime.current(classes, initializer)).isFalse();
    }

    private Path file(String path, Instant modified) throws Exception {
        Path file = classes.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, path);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
