package dev.plate.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, on the real PostgreSQL. Every test class with this annotation and
 * nothing else shares one Spring context, so the suite starts Plate once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresInitializer.class)
public @interface PlateTest {

    /** The first administrator's password in tests. */
    String ADMIN_PASSWORD = "test-admin-password-1";
}
