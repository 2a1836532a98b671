package dev.plate.argocd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plate.argocd.ApplicationStatus;
import dev.plate.argocd.ApplicationStatuses.Connection.State;
import dev.plate.cluster.internal.KubernetesConnection;
import dev.plate.support.ArgoCdCluster;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InformedApplicationStatusesTest {

    ArgoCdCluster cluster;
    KubernetesConnection connection;
    FabricArgoCd argoCd;
    InformedApplicationStatuses statuses;
    List<ApplicationStatus> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        cluster = new ArgoCdCluster();
        connection = FabricArgoCdTest.connectionTo(cluster);
        var ownership = new Ownership(() -> FabricArgoCdTest.INSTALLATION, () -> FabricArgoCdTest.REPO);
        argoCd = new FabricArgoCd(connection, ownership);
        FabricArgoCdTest.applyProject(argoCd, "shop", FabricArgoCdTest.DEV);
        statuses = new InformedApplicationStatuses(connection, ownership, Clock.systemUTC(), new ArgoCdThreads());
        statuses.subscribe(heard::add);
        statuses.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses.connection().state() == State.LIVE);
    }

    @AfterEach
    void stop() {
        statuses.stop();
        connection.destroy();
        cluster.close();
    }

    @Test
    void followsWhatArgoCdWritesIntoTheApplication() {
        await().until(() -> statuses.of("shop", "dev").isPresent());
        assertThat(statuses.of("shop", "dev").orElseThrow().sync()).isEqualTo("Unknown");

        cluster.progressing("shop-dev", "c0ffee");
        await().atMost(Duration.ofSeconds(5)).until(() -> statuses.of("shop", "dev").orElseThrow().health()
                .equals("Progressing"));
        cluster.healthy("shop-dev", "c0ffee");
        await().atMost(Duration.ofSeconds(5)).until(() -> statuses.of("shop", "dev").orElseThrow().syncedAndHealthy());

        var status = statuses.of("shop", "dev").orElseThrow();
        assertThat(status.syncedRevision()).isEqualTo("c0ffee");
        assertThat(status.operationPhase()).isEqualTo("Succeeded");
        assertThat(status.project()).isEqualTo("shop");
        assertThat(status.environment()).isEqualTo("dev");
        assertThat(heard).extracting(ApplicationStatus::health).containsSubsequence("Unknown", "Progressing", "Healthy");
    }

    @Test
    void reportsAnApplicationThatIsDeleted() {
        await().until(() -> statuses.of("shop", "dev").isPresent());
        argoCd.delete(argoCd.get(dev.plate.argocd.ArgoCdObject.Kind.APPLICATION, "shop-dev").orElseThrow());
        cluster.finishDeletion("shop-dev");

        await().atMost(Duration.ofSeconds(5)).until(() -> statuses.of("shop", "dev").isEmpty());
        assertThat(heard.getLast().healthMessage()).isEqualTo("The Application was deleted.");
    }

    @Test
    void ignores_an_application_of_another_installation_of_the_same_name_pattern() {
        await().until(() -> statuses.of("shop", "dev").isPresent());
        var other = new FabricArgoCd(connection, new Ownership(() -> "another-plate", () -> "https://elsewhere.git"));
        FabricArgoCdTest.applyProject(other, "billing", FabricArgoCdTest.DEV);
        cluster.healthy("billing-dev", "0ther");
        cluster.healthy("shop-dev", "5h0p");

        await().atMost(Duration.ofSeconds(5)).until(() -> statuses.of("shop", "dev").orElseThrow().syncedAndHealthy());
        assertThat(statuses.of("billing", "dev")).isEmpty();
        assertThat(heard).noneMatch(status -> status.application().equals("billing-dev"));
    }

    @Test
    void showsUnknownSinceWhenTheApiServerGoesAwayAndRecoversByItself() {
        await().until(() -> statuses.of("shop", "dev").isPresent());
        cluster.stop();

        await().atMost(Duration.ofSeconds(15)).until(() -> statuses.connection().state() == State.UNKNOWN);
        var lost = statuses.connection();
        assertThat(lost.since()).isNotNull();
        assertThat(lost.detail()).isNotBlank();
        assertThat(statuses.of("shop", "dev")).as("the last known status stays shown").isPresent();

        cluster.restart();
        FabricArgoCdTest.applyProject(argoCd, "shop", FabricArgoCdTest.DEV);
        cluster.healthy("shop-dev", "beef01");

        await().atMost(Duration.ofSeconds(20)).until(() -> statuses.connection().state() == State.LIVE
                && statuses.of("shop", "dev").map(s -> s.syncedRevision().equals("beef01")).orElse(false));
    }
}
