package dev.plate.launch;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives back, once Plate idles, the heap its start used. With G1 (the JVM's choice on a machine with two CPUs and
 * 2 GB or more, so a plain {@code java -jar}), a start leaves about 250 MB of young garbage resident until a
 * collection shrinks the heap, which an idle server may not have for hours. G1's periodic collection (JEP 346) runs a
 * concurrent cycle when there was no whole-heap collection (a concurrent cycle or a full GC; young collections do
 * not count since JDK 23) for a minute, and shrinks the heap after it: measured, 520 MB resident 5 s after a start,
 * 385 MB after 75 s. A busy Plate gets such a cycle once a minute too: about a quarter of a second of one core
 * while the rest runs on. The flag is manageable, so it is set here, once ready, for every way Plate is started; a
 * JVM given {@code -XX:G1PeriodicGCInterval} (0 turns it off) keeps its own. Other collectors are left alone (the
 * image's Serial has no such collection, and a small first heap).
 */
@Component
class IdleHeap {

    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final String FLAG = "G1PeriodicGCInterval";
    private static final Logger log = LoggerFactory.getLogger(IdleHeap.class);

    @EventListener(ApplicationReadyEvent.class)
    void atReady() {
        try {
            var vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (!Boolean.parseBoolean(vm.getVMOption("UseG1GC").getValue())
                    || vm.getVMOption(FLAG).getOrigin() != VMOption.Origin.DEFAULT) {
                return;
            }
            vm.setVMOption(FLAG, Long.toString(INTERVAL.toMillis()));
        } catch (RuntimeException | LinkageError another) { // another JVM, or one without jdk.management
            log.debug("The heap is not given back when idle: {}", another.toString());
        }
    }
}
