package dev.plate.support;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The log streams of the double: opens each (pods selected, Argo CD's limit on their number), keeps the follow
 * streams open until their client hangs up, hands them emitted lines, and counts them for tests.
 */
final class ArgoCdPodLogs {

    private final Object state;
    private final ArgoCdClock clock;
    private final ArgoCdAnswers answers;
    private final Set<ArgoCdLogStream> followers = ConcurrentHashMap.newKeySet();
    private final Object counts = new Object();
    private int open;
    private int closed;
    private volatile int maxPodLogsToRender = 10;

    ArgoCdPodLogs(Object state, ArgoCdClock clock, ArgoCdAnswers answers) {
        this.state = state;
        this.clock = clock;
        this.answers = answers;
    }

    void maxPodLogsToRender(int max) {
        maxPodLogsToRender = max;
    }

    /** PodLogs once the caller may read the Application: its pods' lines, then following if asked. */
    void serve(LoopbackHttpServer.Exchange exchange, FakeArgoCdApp app, ArgoCdLogStream.Query query) {
        ArgoCdLogStream stream;
        List<ArgoCdLogStream.Entry> backlog;
        synchronized (state) {
            var pods = app.selectPods(query.group(), query.kind(), query.resourceName(), query.namespace());
            if (pods.size() > maxPodLogsToRender) {
                answers.streamError(exchange, 400, "max pods to view logs are reached. Please provide more granular query");
                return;
            }
            var written = answers.stream(exchange);
            if (pods.isEmpty()) {
                return; // PodLogs returns at once: an empty 200 body, no "last" entry
            }
            stream = new ArgoCdLogStream(app, query, exchange, written, clock);
            backlog = stream.open(pods);
            if (stream.following()) {
                followers.add(stream);
            }
        }
        if (stream.writeBacklog(backlog)) {
            follow(stream);
        }
        followers.remove(stream);
        stream.end();
    }

    /** An emitted line, to every follow stream selecting its pod and container. */
    void emit(FakeArgoCdApp app, String pod, String container, String line) {
        FakeArgoCdPod.LogLine logLine;
        List<ArgoCdLogStream> targets;
        synchronized (state) {
            logLine = app.pod(pod).append(container, line);
            targets = followers.stream().filter(stream -> stream.follows(app, pod, container)).toList();
        }
        targets.forEach(stream -> stream.deliver(pod, logLine));
    }

    int open() {
        synchronized (counts) {
            return open;
        }
    }

    int closed() {
        synchronized (counts) {
            return closed;
        }
    }

    boolean awaitOpen(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (counts) {
            while (open != count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                counts.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    void close() {
        followers.forEach(ArgoCdLogStream::end);
    }

    private void follow(ArgoCdLogStream stream) {
        count(1, 0);
        boolean hungUp;
        try {
            hungUp = stream.awaitEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            hungUp = false;
        }
        count(-1, hungUp ? 1 : 0);
    }

    private void count(int opened, int hungUp) {
        synchronized (counts) {
            open += opened;
            closed += hungUp;
            counts.notifyAll();
        }
    }
}
