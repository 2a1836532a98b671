package dev.plate.launch;

import java.nio.file.Path;

/**
 * Another process that runs from a cache: holds it in use, as a Plate started from it does, until its input ends; and
 * records a second one, if named (holds its {@code recording} lock, as a training does).
 */
public final class HoldsACache {

    private HoldsACache() {}

    public static void main(String[] args) throws Exception {
        InUse.hold(Path.of(args[0]));
        var recording = args.length > 1 ? java.nio.channels.FileChannel.open(Path.of(args[1]).resolve("recording"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE).lock() : null;
        System.out.println("held");
        System.out.flush();
        System.in.read();
        if (recording != null) { // reachable until here: a collected channel would drop its lock
            recording.release();
        }
    }
}
