package dev.plate.delivery.internal;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The delivery module's two threads, each with a bounded queue and a graceful end (finishing what it runs):
 * {@code argocd-writer} tells Argo CD about committed changes in the order they were committed; beyond its queue a
 * change waits for the reconcile and the outbox rather than for memory. {@code deployment-outcomes} decides outcomes
 * as Argo CD's reports arrive; beyond its queue, the sweep decides. (A bean of its own type: executor beans would
 * displace Boot's and Vaadin's.)
 */
@Component
class DeliveryThreads implements DisposableBean {

    static final int QUEUE = 10_000;

    private final ThreadPoolTaskExecutor writer = single("argocd-writer-");
    private final ThreadPoolTaskExecutor outcomes = single("deployment-outcomes-");

    /** Runs the work in order; false when the queue is full or the application is stopping. */
    boolean submit(Runnable work) {
        return submit(writer, work);
    }

    boolean submitOutcome(Runnable work) {
        return submit(outcomes, work);
    }

    private static boolean submit(ThreadPoolTaskExecutor executor, Runnable work) {
        try {
            executor.execute(work);
            return true;
        } catch (TaskRejectedException e) {
            return false;
        }
    }

    private static ThreadPoolTaskExecutor single(String prefix) {
        var executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(QUEUE);
        executor.setThreadNamePrefix(prefix);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
        return executor;
    }

    @Override
    public void destroy() {
        writer.shutdown();
        outcomes.shutdown();
    }
}
