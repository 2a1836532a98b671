package dev.plate.launch;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Replaces this process with another program, as a shell's {@code exec} does ({@code execv(3)}, through Java's
 * foreign function API): the same process id, the same parent, the same terminal, signals and exit code go straight
 * to the new program. A service manager, a container runtime or a person's {@code kill} never sees a second process.
 */
final class ProcessImage {

    private static final int F_SETFD = 2;
    private static final int FD_CLOEXEC = 1;

    private ProcessImage() {}

    /** Returns only if the exec failed (this process then goes on as it was), with why. */
    static String replace(List<String> argv) {
        try {
            Linker linker = Linker.nativeLinker();
            var libc = linker.defaultLookup();
            MethodHandle execv = linker.downcallHandle(libc.find("execv").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
            closeOnExec(linker);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment array = arena.allocate(ADDRESS, argv.size() + 1L);
                for (int i = 0; i < argv.size(); i++) {
                    array.setAtIndex(ADDRESS, i, arena.allocateFrom(argv.get(i)));
                }
                array.setAtIndex(ADDRESS, argv.size(), MemorySegment.NULL);
                int result = (int) execv.invokeExact(arena.allocateFrom(argv.getFirst()), array);
                return "execv returned " + result;
            }
        } catch (Throwable failed) {
            return failed.toString();
        }
    }

    /**
     * The files this JVM opened (its jar, its libraries) would otherwise stay open, unused, in the new program:
     * every descriptor past standard input, output and error is marked to close at the exec.
     */
    private static void closeOnExec(Linker linker) throws Throwable {
        MethodHandle fcntl = linker.downcallHandle(linker.defaultLookup().find("fcntl").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
        for (int descriptor : openDescriptors()) {
            if (descriptor > 2) {
                int ignored = (int) fcntl.invokeExact(descriptor, F_SETFD, FD_CLOEXEC);
            }
        }
    }

    private static int[] openDescriptors() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/proc/self/fd"))) {
            return entries.map(entry -> entry.getFileName().toString()).filter(name -> name.matches("\\d+"))
                    .mapToInt(Integer::parseInt).toArray();
        }
    }
}
