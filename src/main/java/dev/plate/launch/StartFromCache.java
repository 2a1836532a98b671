package dev.plate.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar plate.jar} spends most of its start loading and linking classes out of the jar (about 25,000 of
 * them); the image starts in under half that time from a JDK ahead-of-time cache. This gives the plain command the
 * same: when the jar's start-up cache has been recorded ({@link StartCache}, by the build that made the jar,
 * {@link StartCacheAtBuild}, or by {@link StartCacheRecorder} after an earlier start), the process becomes {@code
 * java -XX:AOTCache=… [the same options] -jar <extracted jar> [the same arguments]} before Spring starts, in place
 * (ADR 0021). Anything unexpected leaves the start as it was.
 */
public final class StartFromCache {

    /** Set on the JVM that runs from the cache: its directory. */
    static final String FROM = "plate.start-cache.from";

    private StartFromCache() {}

    /** Call first in {@code main}: returns at once unless the process is replaced by a start from the cache. */
    public static void relaunchIfRecorded(Class<?> application) {
        String from = System.getProperty(FROM);
        if (from != null) { // this is the start from the cache: any orderly end clears its marker (ready clears it too)
            Path marker = Path.of(from).resolve("starting." + ProcessHandle.current().pid());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> marker.toFile().delete(), "start-cache-marker"));
            return;
        }
        if (!Files.isReadable(Path.of("/proc/self/cmdline"))) {
            return; // not Linux: no exec, no cache
        }
        try {
            executableJar(application).flatMap(StartFromCache::relaunch).ifPresent(why -> System.err.println(
                    "Plate: could not start from the start-up cache (" + why + "); starting without it"));
        } catch (RuntimeException unexpected) {
            System.err.println("Plate: start-up cache not used: " + unexpected);
        }
    }

    /**
     * The jar this JVM runs, if it was started as Spring Boot's executable jar ({@code java -jar}): its classes come
     * from Boot's own class loader. Not in a test, an IDE, {@code spring-boot:run}, or the extracted jar (the image,
     * and the start from the cache itself), which load them from the class path.
     */
    static Optional<Path> executableJar(Class<?> application) {
        ClassLoader loader = application.getClassLoader();
        String classPath = System.getProperty("java.class.path", "");
        if (System.getProperty(FROM) != null || loader == null
                || !loader.getClass().getName().startsWith("org.springframework.boot.loader.")
                || !classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    /** Empty when there is nothing to do; otherwise why the exec did not happen (it only returns if it failed). */
    private static Optional<String> relaunch(Path jar) {
        try {
            List<String> options = JvmOptions.ofThisJvm();
            Optional<JavaCommand> command = JavaCommand.ofThisProcess(); // empty where it cannot be read: not Linux
            Optional<StartCache> cache = StartCache.of(jar, System.getenv(), options).filter(StartCache::recorded);
            Optional<String> java = ProcessHandle.current().info().command();
            if (cache.isEmpty() || command.isEmpty() || java.isEmpty() || JvmOptions.choosesArchive(options)
                    || !Files.isSameFile(Path.of(command.get().jar()).toAbsolutePath(), jar)) {
                return Optional.empty();
            }
            if (cache.get().failedBefore()) {
                if (cache.get().inUse()) {
                    return Optional.of("a start from it died before running, and another Plate uses it");
                }
                Training.delete(cache.get().directory()); // recorded and proven again after this start
                return Optional.of("the last start from it died before running; it is removed");
            }
            Path starting = Files.write(cache.get().starting(ProcessHandle.current().pid()), new byte[0]);
            var argv = command.get().with(java.get(), List.of("-XX:AOTCache=" + cache.get().archive(),
                    "-D" + FROM + "=" + cache.get().directory()), cache.get().jar().toString());
            String failure = ProcessImage.replace(argv);
            Files.deleteIfExists(starting);
            return Optional.of(failure);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }
}
