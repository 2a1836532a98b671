package dev.plate.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.plate.support.PlateTest;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Once Plate is ready, this JVM (the test's: G1 on a machine with two CPUs, glibc's Linux) collects and shrinks its
 * heap after a minute without a whole-heap collection, to 40 % free at most, and gives the C library's free memory
 * back to the system.
 */
@PlateTest
class IdleMemoryTest {

    @Autowired
    IdleMemory idleMemory;

    @Test
    void a_ready_plate_on_g1_collects_after_a_minute_without_a_collection_and_keeps_less_heap_free() {
        var vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        assumeThat(vm.getVMOption("UseG1GC").getValue()).as("this test JVM's collector").isEqualTo("true");
        var option = vm.getVMOption("G1PeriodicGCInterval");
        assertThat(option.getValue()).isEqualTo(Long.toString(IdleMemory.HEAP_INTERVAL.toMillis()));
        assertThat(option.getOrigin()).as("set at run time, by Plate").isEqualTo(
                com.sun.management.VMOption.Origin.MANAGEMENT);
        var free = vm.getVMOption("MaxHeapFreeRatio");
        assertThat(free.getValue()).as("the free heap G1 keeps after it").isEqualTo(String.valueOf(
                IdleMemory.MAX_FREE_PERCENT));
        assertThat(free.getOrigin()).isEqualTo(com.sun.management.VMOption.Origin.MANAGEMENT);
    }

    @Test
    void a_ready_plate_trims_the_native_heap() throws Exception {
        assumeThat(Path.of("/proc/self/status")).as("Linux").exists();
        try (var libraries = Files.list(Path.of("/lib"))) {
            assumeThat(libraries.map(Path::getFileName).map(Path::toString)).as("glibc, not musl")
                    .noneMatch(name -> name.startsWith("ld-musl-"));
        }
        assertThat(idleMemory.trimNativeHeap()).as("the JVM's own report of what it gave back").hasValueSatisfying(
                said -> assertThat(said).startsWith("Trim native heap: RSS+Swap:"));
    }
}
