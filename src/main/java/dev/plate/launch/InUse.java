package dev.plate.launch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A start from a cache holds a shared lock on its {@code in-use} file for as long as the process lives (the kernel
 * drops it when the process ends, however it ends): a cache another Plate still runs from is never removed under it.
 */
final class InUse {

    private static FileLock held; // for the life of the process

    private InUse() {}

    static synchronized void hold(Path cache) throws IOException {
        if (held == null) {
            held = FileChannel.open(cache.resolve("in-use"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ).lock(0, Long.MAX_VALUE, true);
        }
    }

    static boolean held(Path cache) {
        return locked(cache.resolve("in-use"));
    }

    /** Whether a process holds a lock on {@code file}, shared or not (when in doubt, yes). */
    static boolean locked(Path file) {
        try (var channel = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.READ); FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException thisProcess) {
            return true;
        } catch (IOException unreadable) {
            return true; // when in doubt, it stays
        }
    }
}
