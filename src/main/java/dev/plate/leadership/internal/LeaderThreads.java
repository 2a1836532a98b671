package dev.plate.leadership.internal;

import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The leader's two thread pools, apart from the one {@code @Scheduled} work shares: the lease is renewed on a
 * thread nothing else uses ({@code leader-lease}), so no long task can make a leader miss its renewal; leader-only
 * work runs on a few threads of its own ({@code leader-work-N}). Shut down with the context, each waiting for the
 * task it runs. (A bean of its own type, not two executor beans: those would displace Boot's and Vaadin's.)
 */
@Component
class LeaderThreads implements DisposableBean {

    private final ThreadPoolTaskScheduler lease = scheduler("leader-lease-", 1, Duration.ofSeconds(5));
    private final ThreadPoolTaskScheduler work = scheduler("leader-work-", 3, Duration.ofSeconds(30));

    TaskScheduler lease() {
        return lease;
    }

    TaskScheduler work() {
        return work;
    }

    private static ThreadPoolTaskScheduler scheduler(String prefix, int threads, Duration awaitOnShutdown) {
        var scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(threads);
        scheduler.setThreadNamePrefix(prefix);
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationMillis(awaitOnShutdown.toMillis());
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.initialize();
        return scheduler;
    }

    @Override
    public void destroy() {
        work.shutdown();
        lease.shutdown();
    }
}
