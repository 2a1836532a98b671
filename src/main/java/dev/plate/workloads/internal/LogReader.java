package dev.plate.workloads.internal;

import dev.plate.argocdserver.LogLine;
import dev.plate.workloads.LogSink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One reader of a shared log stream: a bounded queue and its own thread that hands lines to the reader's sink. A
 * reader that falls behind (a slow browser) loses its oldest lines and is told how many, instead of growing memory or
 * slowing the stream for everyone else.
 */
final class LogReader {

    private final LogSink sink;
    private final int capacity;
    private final ArrayDeque<LogLine> queue = new ArrayDeque<>();
    private long skipped;
    private boolean finished;
    private Optional<String> problem = Optional.empty();

    LogReader(LogSink sink, int capacity) {
        this.sink = sink;
        this.capacity = capacity;
        Thread.ofVirtual().name("logs-reader").start(this::deliver);
    }

    synchronized void offer(LogLine line) {
        if (finished) {
            return;
        }
        if (queue.size() >= capacity) {
            queue.removeFirst();
            skipped++;
        }
        queue.addLast(line);
        notifyAll();
    }

    synchronized void finish(Optional<String> why) {
        if (!finished) {
            finished = true;
            problem = why;
            notifyAll();
        }
    }

    private void deliver() {
        try {
            while (true) {
                List<LogLine> batch;
                long lost;
                boolean last;
                synchronized (this) {
                    while (queue.isEmpty() && !finished) {
                        wait();
                    }
                    batch = new ArrayList<>(queue);
                    queue.clear();
                    lost = skipped;
                    skipped = 0;
                    last = finished;
                }
                if (lost > 0) {
                    sink.skipped(lost);
                }
                batch.forEach(sink::line);
                if (last) {
                    synchronized (this) {
                        if (!queue.isEmpty()) {
                            continue;
                        }
                    }
                    sink.ended(problem);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the reader's side failed (a closed browser tab): it stops reading; the stream goes on for the others
        }
    }
}
