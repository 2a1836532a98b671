package dev.plate.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@code java [options] -jar JAR [arguments]} command line, split where a relaunch changes it: the options (kept,
 * and ours put before them so that the person's own win), the jar (replaced by the extracted one) and the arguments.
 */
record JavaCommand(String java, List<String> options, String jar, List<String> arguments) {

    /** This process's command line, as the kernel holds it (Linux). */
    static Optional<JavaCommand> ofThisProcess() throws IOException {
        Path commandLine = Path.of("/proc/self/cmdline");
        if (!Files.isReadable(commandLine)) {
            return Optional.empty();
        }
        String all = new String(Files.readAllBytes(commandLine), StandardCharsets.UTF_8);
        return parse(Arrays.asList(all.split("\0")));
    }

    /** JVM options that already choose a class-data archive: such a start is left exactly as it was asked. */
    private static final List<String> ARCHIVE_OPTIONS = List.of("-XX:AOTCache", "-XX:AOTCacheOutput",
            "-XX:AOTMode", "-XX:AOTConfiguration", "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit",
            "-XX:+AutoCreateSharedArchive", "-Xshare", "-Djarmode");

    /** A command line ({@code /proc/self/cmdline} is NUL-separated), if it is of that form. */
    static Optional<JavaCommand> parse(List<String> argv) {
        int jarFlag = argv.indexOf("-jar");
        if (argv.size() < 2 || jarFlag < 1 || jarFlag + 1 >= argv.size()) {
            return Optional.empty();
        }
        List<String> options = argv.subList(1, jarFlag);
        // "-jar" among the options would be the value of another option (e.g. -Dx -jar): not a launch we understand.
        if (options.stream().anyMatch(option -> ARCHIVE_OPTIONS.stream().anyMatch(option::startsWith))) {
            return Optional.empty();
        }
        return Optional.of(new JavaCommand(argv.getFirst(), List.copyOf(options), argv.get(jarFlag + 1),
                List.copyOf(argv.subList(jarFlag + 2, argv.size()))));
    }

    /** The same start with {@code first} ahead of the person's options and {@code jar} in place of the jar. */
    List<String> with(String executable, List<String> first, String otherJar) {
        var argv = new ArrayList<String>();
        argv.add(executable);
        argv.addAll(first);
        argv.addAll(options);
        argv.add("-jar");
        argv.add(otherJar);
        argv.addAll(arguments);
        return argv;
    }
}
