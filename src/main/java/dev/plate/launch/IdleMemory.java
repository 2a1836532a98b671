package dev.plate.launch;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives back, once Plate idles, the memory its start (or a burst of work) used and no longer needs.
 *
 * <ul>
 *   <li><b>The heap.</b> With G1 (the JVM's choice on a machine with two CPUs and 2 GB or more, so a plain {@code
 *       java -jar}), a start leaves about 250 MB of young garbage resident until a collection shrinks the heap,
 *       which an idle server may not have for hours. G1's periodic collection (JEP 346) runs a concurrent cycle when
 *       there was no whole-heap collection (a concurrent cycle or a full GC; young collections do not count since JDK
 *       23) for a minute, and shrinks the heap after it. A busy Plate gets such a cycle once a minute too: about a
 *       quarter of a second of one core while the rest runs on. After such a cycle G1 keeps at most {@code
 *       MaxHeapFreeRatio} of the heap free: the JVM's 70 % leaves an idle Plate (70 MB live) 240 MB of heap, 40 %
 *       leaves 128 MB (measured: 350–357 MB resident after idling two minutes, 317–329 MB with 40 %). Under load G1
 *       still grows the heap whenever collecting takes more than its share of the time. Both flags are manageable, so
 *       they are set here, once ready; a JVM given either ({@code -XX:G1PeriodicGCInterval=0} turns the collection
 *       off) keeps its own. Other collectors are left alone (the image's Serial has no such collection, and a small
 *       first heap).
 *   <li><b>The native heap.</b> glibc keeps what the JVM freed (the compilers' arenas, class loading's buffers,
 *       Tomcat's and Hibernate's start-up work) in its arenas, resident: about 15 MB after a start and as much again
 *       a minute later (measured with {@code jcmd System.trim_native_heap}). It is trimmed 15 s after Plate is up
 *       and every minute after ({@code malloc_trim}, milliseconds), through the same diagnostic command, unless the
 *       JVM was given its own {@code -XX:TrimNativeHeapInterval} (0 turns it off). Where the C library cannot trim
 *       (musl), the command says so, and it is not asked again.
 * </ul>
 * Both are done here rather than by JVM options so that every way Plate starts gets them, {@code java -jar} included.
 */
@Component
class IdleMemory {

    static final Duration HEAP_INTERVAL = Duration.ofMinutes(1);
    static final int MAX_FREE_PERCENT = 40;
    private static final Duration FIRST_TRIM = Duration.ofSeconds(15);
    private static final Duration TRIM_INTERVAL = Duration.ofMinutes(1);
    private static final String HEAP_FLAG = "G1PeriodicGCInterval";
    private static final String FREE_FLAG = "MaxHeapFreeRatio";
    private static final String TRIM_FLAG = "TrimNativeHeapInterval";
    private static final Logger log = LoggerFactory.getLogger(IdleMemory.class);

    private volatile boolean trimming;
    private volatile long nextTrim; // System.nanoTime()
    private int trims; // only the scheduler's thread

    @EventListener(ApplicationReadyEvent.class)
    void atReady() {
        HotSpotDiagnosticMXBean vm;
        try {
            vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        } catch (RuntimeException | LinkageError another) { // another JVM, or one without jdk.management
            log.debug("Memory is not given back when idle: {}", another.toString());
            return;
        }
        try {
            if (Boolean.parseBoolean(vm.getVMOption("UseG1GC").getValue())) {
                setUnlessGiven(vm, HEAP_FLAG, HEAP_INTERVAL.toMillis());
                if (Integer.parseInt(vm.getVMOption("MinHeapFreeRatio").getValue()) <= MAX_FREE_PERCENT) {
                    setUnlessGiven(vm, FREE_FLAG, MAX_FREE_PERCENT);
                }
            }
        } catch (RuntimeException refused) {
            log.debug("The heap is not given back when idle: {}", refused.toString());
        }
        nextTrim = System.nanoTime() + FIRST_TRIM.toNanos(); // before trimming is on: the scheduler reads both
        try {
            trimming = vm.getVMOption(TRIM_FLAG).getOrigin() == VMOption.Origin.DEFAULT;
        } catch (RuntimeException unknown) { // a JVM without the flag: its diagnostic command is not there either
            log.debug("The native heap is not trimmed: {}", unknown.toString());
        }
    }

    private static void setUnlessGiven(HotSpotDiagnosticMXBean vm, String flag, long value) {
        if (vm.getVMOption(flag).getOrigin() == VMOption.Origin.DEFAULT) {
            vm.setVMOption(flag, Long.toString(value));
        }
    }

    /**
     * The first trim some seconds after ready, not at ready: the compilers are still busy then, and what a trim at
     * ready gave back (10 MB) was taken again within 5 s (the image's path, measured).
     */
    @Scheduled(initialDelay = 5_000, fixedDelay = 5_000)
    void trimWhenDue() {
        if (!trimming || System.nanoTime() - nextTrim < 0) {
            return;
        }
        nextTrim = System.nanoTime() + TRIM_INTERVAL.toNanos();
        trimNativeHeap().ifPresent(result -> {
            if (trims++ == 0) {
                log.info("After the start: {}", result);
            } else {
                log.debug("{}", result);
            }
        });
    }

    /** What the JVM says it gave back ("Trim native heap: RSS+Swap: 353M->339M (-14660K)"), if it trimmed. */
    Optional<String> trimNativeHeap() {
        if (!trimming) {
            return Optional.empty();
        }
        try {
            Object said = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            String result = String.valueOf(said).strip();
            if (!result.startsWith("Trim native heap")) { // "Not available." (a C library without malloc_trim)
                trimming = false;
                log.debug("The native heap is not trimmed: {}", result);
                return Optional.empty();
            }
            return Optional.of(result);
        } catch (Exception | LinkageError unavailable) {
            trimming = false;
            log.debug("The native heap is not trimmed: {}", unavailable.toString());
            return Optional.empty();
        }
    }
}
