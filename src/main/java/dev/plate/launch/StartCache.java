package dev.plate.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The start-up cache of one Plate jar on one JVM with one set of cache-relevant options: the jar extracted ({@code
 * app/}, as the image holds it) and the JDK's ahead-of-time cache of the classes a start loads and links ({@code
 * plate.aot}), recorded and proven by {@link Training}. Its directory is named after all of those, so another build,
 * another JDK or another heap setting finds no cache and records its own.
 *
 * <p>Where: {@code PLATE_START_CACHE_DIR}, else {@code $XDG_CACHE_HOME/plate/start}, else {@code ~/.cache/plate/start}
 * (a cache, not Plate's data: deleting it only makes the next start slower). {@code PLATE_START_CACHE=off} turns it
 * off.
 */
record StartCache(Path root, Path directory) {

    static final String SWITCH = "PLATE_START_CACHE";
    static final String LOCATION = "PLATE_START_CACHE_DIR";
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    private static final Set<PosixFilePermission> OTHERS_WRITE = Set.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

    /** The cache of {@code jar} on the running JVM with {@code options}, unless it is turned off. */
    static Optional<StartCache> of(Path jar, Map<String, String> environment, List<String> options)
            throws IOException {
        String setting = environment.getOrDefault(SWITCH, System.getProperty("plate.start-cache", "on"));
        if (setting.equalsIgnoreCase("off") || setting.equalsIgnoreCase("false")) {
            return Optional.empty();
        }
        Optional<Path> root = root(environment);
        return root.isEmpty() ? Optional.empty()
                : Optional.of(new StartCache(root.get(), root.get().resolve(key(jar, options))));
    }

    private static Optional<Path> root(Map<String, String> environment) {
        String chosen = environment.get(LOCATION);
        if (chosen != null && !chosen.isBlank()) {
            return Optional.of(Path.of(chosen).toAbsolutePath());
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        Path caches = xdg != null && xdg.startsWith("/") ? Path.of(xdg)
                : Path.of(System.getProperty("user.home", "?"), ".cache");
        // An account without a home ("?") has no place for a cache: no cache, rather than one under the directory
        // Plate happens to run in.
        return caches.isAbsolute() ? Optional.of(caches.resolve("plate").resolve("start")) : Optional.empty();
    }

    /**
     * The jar by path, size, modification and change time and inode (a jar copied over another with its time kept
     * is another file), the JVM, and the options the cache depends on.
     */
    private static String key(Path jar, List<String> options) throws IOException {
        String identity = String.join("\n", identity(jar), System.getProperty("java.home"),
                System.getProperty("java.vm.version"), String.join(" ", JvmOptions.cacheRelevant(options)));
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
     * Both parts are there, and nobody but this account could have written them: a start runs the code in them.
     */
    boolean recorded() {
        try {
            if (!Files.isRegularFile(jar(), NOFOLLOW) || !Files.isRegularFile(archive(), NOFOLLOW)
                    || Files.size(archive()) == 0) {
                return false;
            }
            for (Path path : List.of(root, directory, directory.resolve("app"), directory.resolve("app/lib"), jar(),
                    archive())) {
                if (!ours(path)) {
                    return false;
                }
            }
            try (Stream<Path> libraries = Files.list(directory.resolve("app/lib"))) {
                return libraries.allMatch(StartCache::ours);
            }
        } catch (IOException | UnsupportedOperationException unreadable) {
            return false;
        }
    }

    static boolean ours(Path path) {
        try {
            Object owner = Files.getAttribute(path, "unix:uid", NOFOLLOW);
            return owner.equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"))
                    && !Files.isSymbolicLink(path) && Files.getPosixFilePermissions(path, NOFOLLOW).stream()
                            .noneMatch(OTHERS_WRITE::contains);
        } catch (IOException | UnsupportedOperationException unreadable) {
            return false;
        }
    }

    /**
     * Noted just before a start from the cache and cleared when that process ends in order (a shutdown hook) or is
     * ready (the process id stays the same across the exec). One left by a process that is gone is a start from this
     * cache that died before it could even run Java code (the JVM refusing the cache, a crash): the next start does
     * not use the cache again. This process's own id on a marker is an earlier process's (a container's process 1).
     */
    Path starting(long pid) {
        return directory.resolve("starting." + pid);
    }

    boolean failedBefore() throws IOException {
        return markers().anyMatch(pid -> !alive(pid));
    }

    /** A Plate runs from it, is starting from it, or is recording it: it is never removed under them. */
    boolean inUse() throws IOException {
        return markers().anyMatch(StartCache::alive) || InUse.held(directory)
                || InUse.locked(directory.resolve("recording"));
    }

    private Stream<Long> markers() throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(entry -> entry.getFileName().toString()).filter(name -> name.matches(
                    "starting\\.\\d{1,18}")).map(name -> Long.parseLong(name.substring(9))).toList().stream();
        }
    }

    private static boolean alive(long pid) {
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isPresent();
    }

    /** Which build of the jar a cache was recorded from: its path, and what the key takes of the file. */
    static String identity(Path jar) throws IOException {
        Path real = jar.toRealPath();
        Map<String, Object> file = Files.readAttributes(real, "unix:size,lastModifiedTime,ctime,ino");
        return String.join("\n", real.toString(), String.valueOf(file.get("size")),
                String.valueOf(file.get("lastModifiedTime")), String.valueOf(file.get("ctime")),
                String.valueOf(file.get("ino")));
    }
}
