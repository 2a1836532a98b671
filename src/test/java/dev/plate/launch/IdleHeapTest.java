package dev.plate.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.plate.support.PlateTest;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Once Plate is ready, this JVM (the test's, a G1 one on a machine with two CPUs) collects and shrinks its heap after
 * a minute without a collection: what a start leaves behind is given back when Plate idles.
 */
@PlateTest
class IdleHeapTest {

    @Test
    void a_ready_plate_on_g1_collects_after_a_minute_without_a_collection() {
        var vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        assumeThat(vm.getVMOption("UseG1GC").getValue()).as("this test JVM's collector").isEqualTo("true");
        var option = vm.getVMOption("G1PeriodicGCInterval");
        assertThat(option.getValue()).isEqualTo(Long.toString(IdleHeap.INTERVAL.toMillis()));
        assertThat(option.getOrigin()).as("set at run time, by Plate").isEqualTo(
                com.sun.management.VMOption.Origin.MANAGEMENT);
    }
}
