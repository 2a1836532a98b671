package dev.plate.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The executable jar, as the image's build stage builds it: {@code ./mvnw package} on a copy of only what the
 * Dockerfile's build stage copies (a path it forgets fails the tests, not an operator's {@code docker build}). Built
 * once per test JVM, for every test of the packaged jar.
 */
final class PackagedBuild {

    private static final Pattern COPY = Pattern.compile("^COPY (?!--from)(.+) (\\S+)$");
    private static Path jar;
    private static Path startCaches;
    private static String packageLog;

    private PackagedBuild() {}

    static synchronized Path jar() throws Exception {
        if (jar == null) {
            Path context = Files.createTempDirectory("plate-package");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(context)));
            for (String source : copiedSources(Files.readAllLines(ImageBuildContextTest.DOCKERFILE))) {
                copy(Path.of(source), context.resolve(source));
            }
            // Offline: the project's own build has just fetched every dependency. The package records the jar's
            // start-up cache, with the JDK the tests start it with, in a directory of the tests' own.
            // Nothing of the developer's environment may change the cache's key or turn it off ("" removes).
            startCaches = context.resolve("start-caches");
            packageLog = run(context, Map.of("JAVA_HOME", System.getProperty("java.home"), "PLATE_START_CACHE_DIR",
                    startCaches.toString(), "PLATE_START_CACHE", "", "JAVA_TOOL_OPTIONS", "", "JDK_JAVA_OPTIONS", "",
                    "_JAVA_OPTIONS", "", "MAVEN_ARGS", ""),
                    "./mvnw", "-o", "-B", "package", "-DskipTests");
            try (var jars = Files.list(context.resolve("target"))) {
                jar = jars.filter(file -> file.getFileName().toString().matches("plate-.*\\.jar")).findFirst()
                        .orElseThrow();
            }
        }
        return jar;
    }

    /** Where the package recorded the jar's start-up cache. */
    static synchronized Path startCaches() throws Exception {
        jar();
        return startCaches;
    }

    /** What the package printed (at its end, the start-up cache's recording). */
    static synchronized String packageLog() throws Exception {
        jar();
        return packageLog;
    }

    static List<String> copiedSources(List<String> dockerfile) {
        var copied = new ArrayList<String>();
        for (String line : buildStage(dockerfile)) {
            var matcher = COPY.matcher(line.strip());
            if (matcher.matches()) {
                for (String source : matcher.group(1).trim().split("\\s+")) {
                    copied.add(source.replaceAll("/$", ""));
                }
            }
        }
        return copied;
    }

    /** The lines from {@code FROM … AS build} to the next {@code FROM}. */
    static List<String> buildStage(List<String> lines) {
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

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String run(Path dir, String... command) throws Exception {
        return run(dir, Map.of(), command);
    }

    /** Runs {@code command} with these changes to the environment (an empty value removes the variable). */
    static String run(Path dir, Map<String, String> environment, String... command) throws Exception {
        var log = Files.createTempFile("plate-build", ".log");
        var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        environment.forEach((name, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        var process = builder.start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly); // Maven's JVM, a training start
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + ": more than 10 minutes:\n"
                        + tail(Files.readString(log)));
            }
            String output = Files.readString(log);
            assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + tail(output)).isZero();
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static String tail(String text) {
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            return;
        }
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                if (file.toString().contains("frontend/generated")) {
                    continue;
                }
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void delete(Path root) {
        try (var all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the system's own clean-up takes what is left
        }
    }
}
