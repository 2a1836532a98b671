package dev.plate.launch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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

    /** This process's command line, as the kernel holds it (Linux), if it is of that form. */
    static Optional<JavaCommand> ofThisProcess() throws IOException {
        Path commandLine = Path.of("/proc/self/cmdline");
        if (!Files.isReadable(commandLine)) {
            return Optional.empty();
        }
        String all;
        try { // an argument that is not UTF-8 could not be passed on unchanged: no relaunch then
            all = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(commandLine)))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
        // NUL after every argument, the last included: empty arguments are arguments too.
        List<String> argv = Arrays.asList(all.split("\0", -1));
        return parse(argv.subList(0, Math.max(0, argv.size() - 1)));
    }

    static Optional<JavaCommand> parse(List<String> argv) {
        int jarFlag = argv.indexOf("-jar");
        if (argv.size() < 2 || jarFlag < 1 || jarFlag + 1 >= argv.size()
                || JvmOptions.choosesArchive(argv.subList(1, jarFlag))) {
            return Optional.empty();
        }
        return Optional.of(new JavaCommand(argv.getFirst(), List.copyOf(argv.subList(1, jarFlag)),
                argv.get(jarFlag + 1), List.copyOf(argv.subList(jarFlag + 2, argv.size()))));
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
