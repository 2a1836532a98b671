package dev.plate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No module grows past what one person can hold in their head (about 2,000 lines of main code). The modules already
 * over it have a ceiling at their size when the rule came (issue 21): they may shrink, never grow, until they are
 * split. Lines are counted as in {@code wc -l}, comments included: they are read too.
 */
class ModuleSizeTest {

    static final int LIMIT = 2_000;
    /**
     * A module over the limit while it waits to be split (none since issue 21): it may shrink, never grow. Lower a
     * ceiling when its module shrinks; remove it once under. Adding or raising one is a decision, made in the commit
     * that needs it and said why.
     */
    static final Map<String, Integer> CEILINGS = Map.of();

    static final Path SOURCES = Path.of("src/main/java/dev/plate");

    @Test
    void no_module_is_over_its_size() throws IOException {
        var sizes = sizes();
        assertThat(sizes).as("modules found").containsKeys("deployment", "projects", "dashboard");
        sizes.forEach((module, lines) -> assertThat(lines).as("lines of dev.plate.%s (limit %s)", module,
                CEILINGS.getOrDefault(module, LIMIT)).isLessThanOrEqualTo(CEILINGS.getOrDefault(module, LIMIT)));
    }

    @Test
    void a_ceiling_is_only_for_a_module_still_over_the_limit() throws IOException {
        var sizes = sizes();
        CEILINGS.keySet().forEach(module -> assertThat(sizes.getOrDefault(module, 0))
                .as("dev.plate.%s is under %s lines now: remove its ceiling", module, LIMIT).isGreaterThan(LIMIT));
    }

    static Map<String, Integer> sizes() throws IOException {
        var sizes = new TreeMap<String, Integer>();
        try (Stream<Path> modules = Files.list(SOURCES)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                sizes.put(module.getFileName().toString(), lines(module));
            }
        }
        return sizes;
    }

    private static int lines(Path module) throws IOException {
        try (Stream<Path> files = Files.walk(module)) {
            return files.filter(file -> file.toString().endsWith(".java")).mapToInt(file -> {
                try (Stream<String> lines = Files.lines(file)) {
                    return (int) lines.count();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }
}
