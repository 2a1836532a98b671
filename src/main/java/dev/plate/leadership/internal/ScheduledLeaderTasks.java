package dev.plate.leadership.internal;

import dev.plate.leadership.LeaderTasks;
import dev.plate.leadership.Leadership;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/** Leader-only periodic work on the leader's own threads; stopped with the context, started again with it. */
@Component
class ScheduledLeaderTasks implements LeaderTasks, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledLeaderTasks.class);

    private record Task(String name, Duration initialDelay, Duration interval, Runnable work) {}

    private final Leadership leadership;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final List<Task> tasks = new ArrayList<>();
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    private boolean running;

    @org.springframework.beans.factory.annotation.Autowired
    ScheduledLeaderTasks(Leadership leadership, LeaderThreads threads, Clock clock) {
        this(leadership, threads.work(), clock);
    }

    ScheduledLeaderTasks(Leadership leadership, TaskScheduler scheduler, Clock clock) {
        this.leadership = leadership;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public synchronized void every(String name, Duration initialDelay, Duration interval, Runnable task) {
        var added = new Task(name, initialDelay, interval, task);
        tasks.add(added);
        if (running) {
            schedule(added);
        }
    }

    private void schedule(Task task) {
        scheduled.add(scheduler.scheduleWithFixedDelay(() -> run(task), clock.instant().plus(task.initialDelay()),
                task.interval()));
    }

    private void run(Task task) {
        if (!leadership.isLeader()) {
            return;
        }
        try {
            task.work().run();
        } catch (RuntimeException e) {
            LOG.warn("Leader task '{}' failed (it runs again in {}): {}", task.name(), task.interval(),
                    e.getMessage(), e);
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        tasks.forEach(this::schedule);
    }

    @Override
    public synchronized void stop() {
        running = false;
        scheduled.forEach(future -> future.cancel(false));
        scheduled.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 150; // after the lease (so leading is known), before the rest stops
    }
}
