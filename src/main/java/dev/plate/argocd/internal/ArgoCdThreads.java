package dev.plate.argocd.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The argocd module's threads, each named for its job, bounded, and shut down with the context:
 * {@code webhook-refresh} refreshes the applications a push touched (off Gitea's request thread; beyond its queue a
 * push waits for Argo CD's own poll); {@code argocd-watchdog} checks every two seconds that the status watch is
 * still running. (A bean of its own type: executor beans would displace Boot's and Vaadin's.)
 */
@Component
class ArgoCdThreads implements DisposableBean {

    private final ThreadPoolTaskExecutor webhook = new ThreadPoolTaskExecutor();
    private final ThreadPoolTaskScheduler watchdog = new ThreadPoolTaskScheduler();

    ArgoCdThreads() {
        webhook.setCorePoolSize(1);
        webhook.setMaxPoolSize(1);
        webhook.setQueueCapacity(1_000);
        webhook.setThreadNamePrefix("webhook-refresh-");
        webhook.setWaitForTasksToCompleteOnShutdown(true);
        webhook.setAwaitTerminationSeconds(10);
        webhook.initialize();
        watchdog.setPoolSize(1);
        watchdog.setThreadNamePrefix("argocd-watchdog-");
        watchdog.setRemoveOnCancelPolicy(true);
        watchdog.initialize();
    }

    /** False when the queue is full or the context is stopping. */
    boolean refreshLater(Runnable work) {
        try {
            webhook.execute(work);
            return true;
        } catch (TaskRejectedException e) {
            return false;
        }
    }

    ScheduledFuture<?> everyTwoSeconds(Runnable check) {
        return watchdog.scheduleWithFixedDelay(check, Duration.ofSeconds(2));
    }

    @Override
    public void destroy() {
        webhook.shutdown();
        watchdog.shutdown();
    }
}
