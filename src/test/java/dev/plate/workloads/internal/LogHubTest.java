package dev.plate.workloads.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plate.argocdserver.LogLine;
import dev.plate.argocdserver.LogQuery;
import dev.plate.base.Subscription;
import dev.plate.workloads.LogSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rules of shared log streams: many readers, one upstream; history for late joiners; bounded everywhere. */
class LogHubTest {

    private final InMemoryArgoCdServer argoCd = new InMemoryArgoCdServer();
    private final LogHub hub = new LogHub(argoCd, new LogProperties(List.of(), Duration.ofMillis(300), 5),
            Clock.systemUTC());
    private final List<Subscription> subscriptions = new ArrayList<>();

    @AfterEach
    void stop() {
        subscriptions.forEach(Subscription::close);
        hub.stop();
    }

    @Test
    void fiftyFollowersOfOneAppShareOneUpstreamStreamAndEachGetsEveryLine() {
        var readers = new ArrayList<Collecting>();
        for (int i = 0; i < 50; i++) {
            var reader = new Collecting();
            readers.add(reader);
            subscriptions.add(hub.follow("http://argocd.test", "shop-dev", follow(null), reader));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> argoCd.open.get() == 1);
        argoCd.emit(line("shop-1", "started"));
        argoCd.emit(line("shop-2", "listening on 8080"));
        await().atMost(Duration.ofSeconds(5)).until(() -> readers.stream().allMatch(r -> r.lines.size() == 2));
        assertThat(readers.getFirst().lines).containsExactly("shop-1 started", "shop-2 listening on 8080");
        assertThat(argoCd.opened).hasSize(1);
        assertThat(argoCd.opened.getFirst().query().tail()).as("the first opening fills the recent lines").hasValue(5);
        assertThat(hub.openStreams()).isEqualTo(1);
    }

    @Test
    void anotherPodOrSearchIsAnotherStream() {
        subscriptions.add(hub.follow("http://argocd.test", "shop-dev", follow(null), new Collecting()));
        subscriptions.add(hub.follow("http://argocd.test", "shop-dev", LogQuery.of("shop-1", null, true, false, null,
                null, null), new Collecting()));
        subscriptions.add(hub.follow("http://argocd.test", "shop-dev", LogQuery.of(null, null, true, false, null, null,
                "error"), new Collecting()));
        subscriptions.add(hub.follow("http://argocd.test", "shop-prod", follow(null), new Collecting()));
        await().atMost(Duration.ofSeconds(5)).until(() -> argoCd.open.get() == 4);
    }

    @Test
    void aLateReaderFirstGetsTheRecentLinesItAsksFor() {
        var first = new Collecting();
        subscriptions.add(hub.follow("http://argocd.test", "shop-dev", follow(null), first));
        await().atMost(Duration.ofSeconds(5)).until(() -> argoCd.open.get() == 1);
        for (int i = 1; i <= 7; i++) {
            argoCd.emit(line("shop-1", "line " + i));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> first.lines.size() == 7);
        var late = new Collecting();
        subscriptions.add(hub.follow("http://argocd.test", "shop-dev", follow(2), late));
        await().atMost(Duration.ofSeconds(5)).until(() -> late.lines.size() == 2);
        assertThat(late.lines).containsExactly("shop-1 line 6", "shop-1 line 7");
        var all = new Collecting();
        subscriptions.add(hub.follow("http://argocd.test", "shop-dev", follow(null), all));
        await().atMost(Duration.ofSeconds(5)).until(() -> all.lines.size() == 5);
        assertThat(all.lines).as("the buffer keeps 5").first().isEqualTo("shop-1 line 3");
        assertThat(argoCd.opened).hasSize(1);
    }

    @Test
    void theUpstreamStreamClosesOnceTheLastReaderHasBeenGoneForTheIdleTimeout() {
        var reader = new Collecting();
        var subscription = hub.follow("http://argocd.test", "shop-dev", follow(null), reader);
        await().atMost(Duration.ofSeconds(5)).until(() -> argoCd.open.get() == 1);
        subscription.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.ended.getCount() == 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> argoCd.open.get() == 0);
        assertThat(hub.openStreams()).isZero();
        subscriptions.add(hub.follow("http://argocd.test", "shop-dev", follow(null), new Collecting()));
        await().atMost(Duration.ofSeconds(5)).until(() -> argoCd.open.get() == 1);
        assertThat(argoCd.opened).as("a new reader after the close opens a new stream").hasSize(2);
    }

    @Test
    void whenArgoCdEndsTheStreamWhilePeopleReadItIsReopenedFromTheLastLineWithoutRepeats() {
        var reader = new Collecting();
        subscriptions.add(hub.follow("http://argocd.test", "shop-dev", follow(null), reader));
        await().atMost(Duration.ofSeconds(5)).until(() -> argoCd.open.get() == 1);
        var at = Instant.now();
        argoCd.emit(new LogLine("shop-1", at, "before the rollout"));
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.lines.size() == 1);
        argoCd.endNewest();
        await().atMost(Duration.ofSeconds(5)).until(() -> argoCd.opened.size() == 2 && argoCd.open.get() == 1);
        assertThat(argoCd.opened.get(1).query().since()).as("asks only for what came after").isPresent();
        argoCd.emit(new LogLine("shop-1", at, "before the rollout")); // Argo CD repeats the last second
        argoCd.emit(new LogLine("shop-2", at.plusSeconds(1), "after the rollout"));
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.lines.size() == 2);
        assertThat(reader.lines).containsExactly("shop-1 before the rollout", "shop-2 after the rollout");
        assertThat(reader.ended.getCount()).as("the reader never saw an end").isEqualTo(1);
    }

    @Test
    void aReaderThatFallsBehindLosesItsOldestLinesAndIsToldHowManyWhileOthersGetAll() throws Exception {
        var blocked = new CountDownLatch(1);
        var slow = new Collecting() {
            @Override
            public void line(LogLine line) {
                try {
                    blocked.await(10, TimeUnit.SECONDS); // a browser that does not read
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.line(line);
            }
        };
        var fast = new Collecting();
        subscriptions.add(hub.follow("http://argocd.test", "shop-dev", follow(null), slow));
        subscriptions.add(hub.follow("http://argocd.test", "shop-dev", follow(null), fast));
        await().atMost(Duration.ofSeconds(5)).until(() -> argoCd.open.get() == 1);
        int sent = 600; // a reader's queue holds 200 (twice the minimum buffer of 100)
        for (int i = 0; i < sent; i++) {
            argoCd.emit(line("shop-1", "line " + i));
            int emitted = i + 1;
            if (emitted % 150 == 0) { // in parts, so the reader that keeps up never has more than 150 waiting
                await().atMost(Duration.ofSeconds(5)).until(() -> fast.lines.size() == emitted);
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> fast.lines.size() == sent);
        blocked.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> slow.lines.size() + slow.skipped.get() == sent);
        assertThat(slow.skipped.get()).isPositive();
        assertThat(slow.lines).last().isEqualTo("shop-1 line " + (sent - 1));
    }

    @Test
    void aStreamThatFailsTellsEveryReaderWhy() {
        var reader = new Collecting();
        var failing = new LogHub(new InMemoryArgoCdServer() {
            @Override
            public dev.plate.argocdserver.LogStream logs(String application, LogQuery query) {
                throw new dev.plate.base.UnavailableException("Argo CD refused the token (401).", Duration.ZERO);
            }
        }, new LogProperties(List.of(), Duration.ofMillis(300), 5), Clock.systemUTC());
        subscriptions.add(failing.follow("http://argocd.test", "shop-dev", follow(null), reader));
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.ended.getCount() == 0);
        assertThat(reader.problem.get()).hasValue("Argo CD refused the token (401).");
    }

    private static LogQuery follow(Integer tail) {
        return LogQuery.of(null, null, true, false, null, tail, null);
    }

    private static LogLine line(String pod, String content) {
        return new LogLine(pod, Instant.now(), content);
    }

    static class Collecting implements LogSink {

        final List<String> lines = new CopyOnWriteArrayList<>();
        final AtomicLong skipped = new AtomicLong();
        final CountDownLatch ended = new CountDownLatch(1);
        final AtomicReference<Optional<String>> problem = new AtomicReference<>();

        @Override
        public void line(LogLine line) {
            lines.add(line.pod() + " " + line.content());
        }

        @Override
        public void skipped(long count) {
            skipped.addAndGet(count);
        }

        @Override
        public void ended(Optional<String> why) {
            problem.set(why);
            ended.countDown();
        }
    }
}
