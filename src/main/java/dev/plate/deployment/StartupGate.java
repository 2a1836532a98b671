package dev.plate.deployment;

/**
 * Whether a change may be made yet. After a start, Git may hold a change whose database record a crash lost; a
 * change made before that is recorded would build on the overtaken row and silently undo it. Module {@code recovery}
 * compares the two and opens the gate; every commit asks first.
 */
public interface StartupGate {

    /** Waits a little for the start-up comparison; refuses (503, nothing changed) if it takes longer. */
    void requireDone();
}
