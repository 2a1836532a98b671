package dev.plate.launch;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
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
            var errno = Linker.Option.captureCallState("errno");
            MethodHandle execv = linker.downcallHandle(linker.defaultLookup().find("execv").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), errno);
            closeOnExec(linker);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment array = arena.allocate(ADDRESS, argv.size() + 1L);
                for (int i = 0; i < argv.size(); i++) {
                    array.setAtIndex(ADDRESS, i, arena.allocateFrom(argv.get(i)));
                }
                array.setAtIndex(ADDRESS, argv.size(), MemorySegment.NULL);
                MemoryLayout state = Linker.Option.captureStateLayout();
                MemorySegment captured = arena.allocate(state);
                int ignored = (int) execv.invokeExact(captured, arena.allocateFrom(argv.getFirst()), array);
                VarHandle code = state.varHandle(MemoryLayout.PathElement.groupElement("errno"));
                return "execv failed with errno " + (int) code.get(captured, 0L);
            }
        } catch (Throwable failed) {
            return failed.toString();
        }
    }

    /**
     * The files this JVM opened (its jar, its modules) would otherwise stay open, unused, in the new program: every
     * descriptor of a regular file past standard input, output and error is marked to close at the exec. Pipes and
     * sockets are left alone: a parent may have passed them on purpose.
     */
    private static void closeOnExec(Linker linker) throws Throwable {
        MethodHandle fcntl = linker.downcallHandle(linker.defaultLookup().find("fcntl").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
        for (int descriptor : regularFiles()) {
            int ignored = (int) fcntl.invokeExact(descriptor, F_SETFD, FD_CLOEXEC);
        }
    }

    private static int[] regularFiles() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/proc/self/fd"))) {
            return entries.filter(entry -> entry.getFileName().toString().matches("\\d+"))
                    .filter(entry -> Integer.parseInt(entry.getFileName().toString()) > 2)
                    .filter(entry -> Files.isRegularFile(entry)).mapToInt(entry -> Integer.parseInt(entry
                            .getFileName().toString())).toArray();
        }
    }
}
