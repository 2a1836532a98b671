package dev.plate.deployment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.ArgoCdCluster;
import dev.plate.support.ArgoCdKaribuTestBase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The project page follows Argo CD without a reload: status pushes redraw the environment's card. */
class ProjectLiveStatusTest extends ArgoCdKaribuTestBase {

    @Autowired
    DeploymentService deployments;
    @Autowired
    JdbcTemplate jdbc;

    ArgoCdCluster cluster = ArgoCdCluster.shared();

    @Test
    void theCardShowsArgoCdsReportAndTheDeploymentsOutcomeAsTheyHappen() {
        login("mia", Role.MAINTAINER);
        String name = "live-" + UUID.randomUUID().toString().substring(0, 8);
        deployments.importProject(new ImportRequest(new NewProject(name, null, "ghcr.io/acme/" + name, 8080,
                "/healthz", List.of()), "1.0.0"));
        var deployment = deployments.deploy(DeployRequest.image(name, "dev", "1.1.0"));
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.application(name + "-dev") != null);
        UI.getCurrent().navigate("projects/" + name);
        assertThat(card("dev")).contains("1.1.0").contains("Waiting for Argo CD");

        cluster.progressing(name + "-dev", deployment.toRevision());
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            MockVaadin.clientRoundtrip(false); // runs what background threads queued with ui.access
            assertThat(card("dev")).contains("Progressing").contains("Waiting for rollout to finish");
        });

        cluster.healthy(name + "-dev", deployment.toRevision());
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            MockVaadin.clientRoundtrip(false);
            assertThat(card("dev")).contains("Synced").contains("Healthy").contains("Succeeded");
        });
        assertThat(card("staging")).contains("Waiting for Argo CD");
    }

    private String card(String env) {
        return _get(Div.class, spec -> spec.withAttribute("data-environment", env)).getElement().getTextRecursively();
    }
}
