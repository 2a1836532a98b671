package dev.plate.delivery.internal;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The one thread ({@code argocd-writer}) that tells Argo CD about committed changes, in the order they were
 * committed. Its queue is bounded: beyond it a change waits for the reconcile rather than for memory. On shutdown
 * it finishes what it runs. (A bean of its own type: an executor bean would displace Boot's and Vaadin's.)
 */
@Component
class DeliveryThreads implements DisposableBean {

    static final int QUEUE = 10_000;

    private final ThreadPoolTaskExecutor writer = new ThreadPoolTaskExecutor();

    DeliveryThreads() {
        writer.setCorePoolSize(1);
        writer.setMaxPoolSize(1);
        writer.setQueueCapacity(QUEUE);
        writer.setThreadNamePrefix("argocd-writer-");
        writer.setWaitForTasksToCompleteOnShutdown(true);
        writer.setAwaitTerminationSeconds(10);
        writer.initialize();
    }

    /** Runs the work in order; false when the queue is full or the application is stopping. */
    boolean submit(Runnable work) {
        try {
            writer.execute(work);
            return true;
        } catch (org.springframework.core.task.TaskRejectedException e) {
            return false;
        }
    }

    @Override
    public void destroy() {
        writer.shutdown();
    }
}
