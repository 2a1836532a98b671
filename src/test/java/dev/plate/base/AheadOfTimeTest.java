package dev.plate.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ordinary start from a classes directory; the jar's ahead-of-time start is ImageBuildContextTest's. */
class AheadOfTimeTest {

    @Test
    void a_classes_directory_starts_the_ordinary_way() {
        String before = System.getProperty("spring.aot.enabled");
        try {
            System.clearProperty("spring.aot.enabled");
            AheadOfTime.useWhenPackaged(dev.plate.PlateApplication.class);
            assertThat(System.getProperty("spring.aot.enabled")).isNull();
        } finally {
            if (before != null) {
                System.setProperty("spring.aot.enabled", before);
            }
        }
    }
}
