package dev.plate.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The start-up cache of one Plate jar on one JVM: the jar extracted ({@code app/}, as the image holds it) and the JDK's
 * ahead-of-time cache of the classes a start loads and links ({@code plate.aot}), recorded by a training start of
 * that extracted jar. Its directory is named after the jar (path, size, time) and the JVM, so another build or another
 * JDK finds no cache and records its own.
 *
 * <p>Where: {@code PLATE_START_CACHE_DIR}, else {@code $XDG_CACHE_HOME/plate/start}, else {@code ~/.cache/plate/start}
 * (a cache, not Plate's data: deleting it only makes the next start slower). {@code PLATE_START_CACHE=off} turns it
 * off.
 */
record StartCache(Path root, Path directory) {

    static final String SWITCH = "PLATE_START_CACHE";
    static final String LOCATION = "PLATE_START_CACHE_DIR";

    /** The cache of {@code jar} on the running JVM, unless it is turned off. */
    static Optional<StartCache> of(Path jar, Map<String, String> environment) throws IOException {
        String setting = environment.getOrDefault(SWITCH, System.getProperty("plate.start-cache", "on"));
        if (setting.equalsIgnoreCase("off") || setting.equalsIgnoreCase("false")) {
            return Optional.empty();
        }
        Path root = root(environment);
        return Optional.of(new StartCache(root, root.resolve(key(jar.toRealPath()))));
    }

    private static Path root(Map<String, String> environment) {
        String chosen = environment.get(LOCATION);
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen).toAbsolutePath();
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        Path caches = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return caches.resolve("plate").resolve("start").toAbsolutePath();
    }

    private static String key(Path jar) throws IOException {
        String identity = String.join("\n", jar.toString(), String.valueOf(Files.size(jar)),
                String.valueOf(Files.getLastModifiedTime(jar).toMillis()), System.getProperty("java.home"),
                System.getProperty("java.vm.version"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The extracted jar: the training recorded its classes from this path, and a start must use the same one. */
    Path jar() {
        return directory.resolve("app").resolve("plate.jar");
    }

    Path archive() {
        return directory.resolve("plate.aot");
    }

    /**
     * Both parts are there, and the directory is this account's own: a start runs the code in it, so a directory
     * another account could have put there is never used.
     */
    boolean recorded() {
        try {
            return Files.isRegularFile(jar()) && Files.size(archive()) > 0
                    && Files.getOwner(directory).getName().equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException absent) {
            return false;
        }
    }
}
