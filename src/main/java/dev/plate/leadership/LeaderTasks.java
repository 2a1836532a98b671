package dev.plate.leadership;

import java.time.Duration;

/**
 * Work that must happen once across all instances (the Argo CD reconcile, the outcome sweep, the repository
 * credential), run only while this instance leads, on threads of its own ({@code leader-work-N}): a slow task
 * neither delays the lease's renewal (which has its own thread) nor the other leader tasks.
 */
public interface LeaderTasks {

    /**
     * Runs {@code task} every {@code interval} (the next run starts that long after the previous one ended), the
     * first time after {@code initialDelay}, whenever this instance leads at that moment. A failure is logged and
     * the next run comes as planned.
     */
    void every(String name, Duration initialDelay, Duration interval, Runnable task);
}
