package dev.plate.launch;

import java.nio.file.Path;

/** Another process that runs from a cache: holds it in use, as a Plate started from it does, until its input ends. */
public final class HoldsACache {

    private HoldsACache() {}

    public static void main(String[] args) throws Exception {
        InUse.hold(Path.of(args[0]));
        System.out.println("held");
        System.out.flush();
        System.in.read();
    }
}
