package dev.plate.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Plate on its embedded defaults — the H2 file database in PostgreSQL mode — in a fresh data directory, as a
 * newcomer's first start. Test classes with this annotation share one context, separate from {@link PlateTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "plate.security.admin-password=" + PlateTest.ADMIN_PASSWORD)
@ContextConfiguration(initializers = EmbeddedDefaultsTest.FreshDataDir.class)
public @interface EmbeddedDefaultsTest {

    class FreshDataDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("plate.data-dir=" + PostgresInitializer.tempDataDir())
                    .applyTo(context.getEnvironment());
        }
    }
}
