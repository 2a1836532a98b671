package dev.plate.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application with a management cluster of its own ({@link #CLUSTER}), which tests may stop, restart
 * empty and fill with other owners' objects, on a PostgreSQL database of its own. Its periodic work runs as in
 * production, only more often: the reconcile every second, the outbox and the outcome sweep every half second, and
 * deployments time out after four seconds. One context for every class using it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = IsolatedArgoCdTest.Initializer.class)
public @interface IsolatedArgoCdTest {

    ArgoCdCluster CLUSTER = new ArgoCdCluster();

    class Initializer implements org.springframework.context.ApplicationContextInitializer<
            org.springframework.context.ConfigurableApplicationContext> {

        @Override
        public void initialize(org.springframework.context.ConfigurableApplicationContext context) {
            org.springframework.boot.test.util.TestPropertyValues.of(
                    "spring.datasource.url=" + TestPostgres.jdbcUrl("isolatedargocd"),
                    "spring.datasource.username=postgres", "spring.datasource.password=postgres",
                    "plate.data-dir=" + PostgresInitializer.tempDataDir(),
                    "plate.security.admin-password=" + PlateTest.ADMIN_PASSWORD,
                    "plate.argocd.kubeconfig=" + CLUSTER.kubeconfig(),
                    "plate.argocd.reconcile-initial-delay=500ms", "plate.argocd.reconcile-interval=1s",
                    "plate.argocd.outbox-interval=500ms", "plate.argocd.outcome-sweep-interval=500ms",
                    "plate.argocd.deployment-timeout=4s",
                    "logging.level.io.fabric8.mockwebserver=WARN")
                    .applyTo(context.getEnvironment());
        }
    }
}
