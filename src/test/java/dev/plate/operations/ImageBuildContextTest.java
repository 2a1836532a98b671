package dev.plate.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's build, without Docker (none runs here): only the paths the Dockerfile's build stage copies, the same
 * Maven package, the same extraction and the same AOT training run. A path the Dockerfile forgets to copy (the chart
 * skeleton once) fails here, not in an operator's {@code docker build}.
 */
class ImageBuildContextTest {

    static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Pattern COPY = Pattern.compile("^COPY (?!--from)(.+) (\\S+)$");

    @TempDir
    Path context;

    @Test
    void the_build_stage_builds_extracts_and_trains_from_only_what_it_copies() throws Exception {
        var lines = Files.readAllLines(DOCKERFILE);
        var copied = new ArrayList<String>();
        for (String line : buildStage(lines)) {
            var matcher = COPY.matcher(line.strip());
            if (matcher.matches()) {
                for (String source : matcher.group(1).trim().split("\\s+")) {
                    copied.add(source.replaceAll("/$", ""));
                }
            }
        }
        assertThat(copied).as("the build stage's COPY sources").contains("pom.xml", "src");
        for (String source : copied) {
            copy(Path.of(source), context.resolve(source));
        }
        String runs = String.join("\n", buildStage(lines));
        assertThat(runs).contains("./mvnw -B -q package -DskipTests");

        // Offline: the project's own build has just fetched every dependency (dependency:go-offline only caches).
        run(context, "./mvnw", "-o", "-B", "-q", "package", "-DskipTests");
        Path jar;
        try (var jars = Files.list(context.resolve("target"))) {
            jar = jars.filter(file -> file.getFileName().toString().matches("plate-.*\\.jar")).findFirst().orElseThrow();
        }
        Path app = context.resolve("app");
        run(context, java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", app.toString());
        Files.move(app.resolve(jar.getFileName()), app.resolve("plate.jar"));

        String training = String.join("\n", lines).replace("\\\n", " ");
        assertThat(training).contains("-XX:AOTCacheOutput=/app/plate.aot", "-Dspring.context.exit=onRefresh");
        var train = new ProcessBuilder(java(), "-XX:AOTCacheOutput=" + app.resolve("plate.aot"), "-XX:+UseSerialGC",
                "-Dspring.context.exit=onRefresh", "-jar", "plate.jar").directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(context.resolve("train.log").toFile());
        train.environment().put("PLATE_DATA_DIR", context.resolve("train").toString());
        var process = train.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(context.resolve("train.log"))).isZero();
        assertThat(app.resolve("plate.aot")).as("the AOT cache the image starts from").isNotEmptyFile();
        assertThat(String.join("\n", lines)).as("the image's entrypoint uses that cache")
                .contains("ENTRYPOINT [\"java\", \"-XX:AOTCache=/app/plate.aot\"");
    }

    /** The lines from {@code FROM … AS build} to the next {@code FROM}. */
    private static List<String> buildStage(List<String> lines) {
        var stage = new ArrayList<String>();
        boolean in = false;
        for (String line : lines) {
            if (line.startsWith("FROM ")) {
                in = line.endsWith(" AS build");
                continue;
            }
            if (in) {
                stage.add(line);
            }
        }
        return stage;
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            try (var files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    if (file.toString().contains("frontend/generated") || file.startsWith(Path.of("src", "main",
                            "frontend", "generated"))) {
                        continue;
                    }
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        } else {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void run(Path dir, String... command) throws Exception {
        var log = Files.createTempFile("image-build", ".log");
        var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + tail(Files.readString(log))).isZero();
    }

    private static String tail(String text) {
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }
}
