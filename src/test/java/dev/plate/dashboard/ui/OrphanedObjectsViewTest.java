package dev.plate.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import dev.plate.argocd.ApplicationManifests;
import dev.plate.delivery.ArgoCdReconciliation;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.gitops.ConfigRepository;
import dev.plate.security.Role;
import dev.plate.support.ArgoCdCluster;
import dev.plate.support.ArgoCdKaribuTestBase;
import dev.plate.support.SignIn;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An Argo CD object of this Plate's whose project the database does not know (left by a lost database) is shown to
 * an admin on the dashboard, never deleted by itself, and goes only when the admin confirms.
 */
class OrphanedObjectsViewTest extends ArgoCdKaribuTestBase {

    @Autowired
    ConfigRepository repository;
    @Autowired
    ArgoCdReconciliation reconciliation;

    final ArgoCdCluster cluster = ArgoCdCluster.shared();

    @Test
    void an_admin_sees_objects_without_a_project_and_deletes_them_only_by_confirming() {
        String lost = "lost-" + UUID.randomUUID().toString().substring(0, 8);
        var env = new EnvironmentSummary(1, "dev", 0, "https://kubernetes.default.svc", "{project}-{env}", true, false);
        var app = cluster.client().getKubernetesSerialization().convertValue(ApplicationManifests.application(lost, env,
                repository.cloneUrl(), ArgoCdCluster.NAMESPACE, repository.installationId()),
                GenericKubernetesResource.class);
        cluster.client().genericKubernetesResources(ArgoCdCluster.APPLICATION).inNamespace(ArgoCdCluster.NAMESPACE)
                .resource(app).create();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            SignIn.as(securityContext, "admin", Role.ADMIN);
            return reconciliation.last().filter(report -> report.orphanProjects().contains(lost)).isPresent();
        });

        login("viewer-user", Role.VIEWER);
        UI.getCurrent().navigate("");
        assertThat(_find(Div.class, spec -> spec.withAttribute("data-orphan", lost))).as("not for a viewer").isEmpty();

        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("");
        var card = _get(Div.class, spec -> spec.withAttribute("data-orphan", lost));
        assertThat(card.getElement().getTextRecursively()).contains("Application " + lost + "-dev");
        _click(_get(card, Button.class, spec -> spec.withText("Delete its objects…")));
        assertThat(cluster.application(lost + "-dev").getMetadata().getDeletionTimestamp())
                .as("nothing before the confirmation").isNull();
        var dialog = _get(ConfirmDialog.class);
        com.vaadin.flow.component.ComponentUtil.fireEvent(dialog, new ConfirmDialog.ConfirmEvent(dialog, true));

        assertThat(cluster.application(lost + "-dev").getMetadata().getDeletionTimestamp()).isNotNull();
        cluster.finishDeletion(lost + "-dev");
        assertThat(cluster.application(lost + "-dev")).isNull();
    }
}
