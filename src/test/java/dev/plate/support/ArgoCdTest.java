package dev.plate.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application connected to a management cluster ({@link ArgoCdCluster#shared()}, fabric8's mock API
 * server) and to a double of Argo CD's API server ({@link ArgoCdServerDouble#shared()}), on a PostgreSQL database of
 * its own (so its leader lease and rows are its own). Deployments time out
 * after a few seconds here, outcomes are swept every half second and the reconcile runs every two seconds. One
 * context for every class using it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = ArgoCdTest.Initializer.class)
public @interface ArgoCdTest {

    String WEBHOOK_SECRET = "test-webhook-secret";

    class Initializer implements org.springframework.context.ApplicationContextInitializer<
            org.springframework.context.ConfigurableApplicationContext> {

        @Override
        public void initialize(org.springframework.context.ConfigurableApplicationContext context) {
            org.springframework.boot.test.util.TestPropertyValues.of(
                    "spring.datasource.url=" + TestPostgres.jdbcUrl("argocd"),
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=postgres",
                    "plate.data-dir=" + PostgresInitializer.tempDataDir(),
                    "plate.security.admin-password=" + PlateTest.ADMIN_PASSWORD,
                    "plate.argocd.kubeconfig=" + ArgoCdCluster.shared().kubeconfig(),
                    "plate.argocd.server-url=" + ArgoCdServerDouble.shared().url(),
                    "plate.argocd.token=" + FakeArgoCdServer.TOKEN,
                    // A followed log stream nobody reads any more closes upstream as in production, only sooner.
                    "plate.logs.idle-timeout=3s",
                    "plate.logs.maintainer-only=prod",
                    "plate.argocd.webhook-secret=" + WEBHOOK_SECRET,
                    "plate.argocd.deployment-timeout=10s",
                    "plate.argocd.outcome-sweep-interval=500ms",
                    // The leader's reconcile runs as in production, only more often.
                    "plate.argocd.reconcile-initial-delay=1s",
                    "plate.argocd.reconcile-interval=2s",
                    // plate login --device polls as in production, only more often.
                    "plate.cli-login.device-interval=1s",
                    "plate.notifications.send-interval=200ms",
                    "plate.notifications.retry-base=200ms",
                    "logging.level.io.fabric8.mockwebserver=WARN")
                    .applyTo(context.getEnvironment());
        }
    }
}
