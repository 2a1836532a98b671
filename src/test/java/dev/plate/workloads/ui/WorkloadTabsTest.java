package dev.plate.workloads.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.ArgoCdKaribuTestBase;
import dev.plate.support.ArgoCdServerDouble;
import dev.plate.support.FakeArgoCdServer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The environment page's Resources, Events and Logs tabs, fed by a double of Argo CD's API server, live. */
class WorkloadTabsTest extends ArgoCdKaribuTestBase {

    @Autowired
    DeploymentService deployments;

    final FakeArgoCdServer argoCd = ArgoCdServerDouble.shared();
    String project;
    String pod;

    @BeforeEach
    void aProjectThatRuns() {
        project = "tabs-" + UUID.randomUUID().toString().substring(0, 6);
        login("admin", Role.ADMIN);
        deployments.importProject(new ImportRequest(new NewProject(project, null, "ghcr.io/acme/" + project, 8080,
                "/healthz", List.of()), "1.0.0"));
        argoCd.app(project + "-dev").deployment(project, project + "-dev", "ghcr.io/acme/" + project + ":1.0.0", 2)
                .service(project, project + "-dev");
        pod = argoCd.app(project + "-dev").pods(project).getFirst();
    }

    @Test
    void theResourcesTabShowsTheTreeAndFollowsAPodThatStartsCrashing() {
        login("vic", Role.VIEWER);
        open("Resources");
        awaitText(() -> text(ResourcesPanel.class), "Deployment", project, "ReplicaSet", pod, "Running", "ready 1/1",
                "Service", "Synced", "all healthy.");
        argoCd.app(project + "-dev").outOfSync("Service", project);
        awaitText(() -> text(ResourcesPanel.class), "OutOfSync", "1 out of sync with Git");

        argoCd.app(project + "-dev").pod(pod).crashLoopBackOff(2);
        // Argo CD rolls the pod's health up: the ReplicaSet and the Deployment are Progressing too.
        awaitText(() -> text(ResourcesPanel.class), "CrashLoopBackOff", "restarts 2", "3 not healthy");
    }

    @Test
    void theEventsTabShowsOneTimelineWithWarningsMarked() {
        argoCd.app(project + "-dev").event("Pod", pod, "Warning", "Unhealthy", "Readiness probe failed: 503");
        argoCd.app(project + "-dev").applicationEvent("Normal", "ResourceUpdated", "Updated sync status: -> Synced");
        login("vic", Role.VIEWER);
        open("Events");
        awaitText(() -> text(EventsPanel.class), "Warning", "Unhealthy", "Pod " + pod, "Readiness probe failed: 503",
                "ResourceUpdated", "1 warning");
    }

    @Test
    void theLogsTabFollowsNewLinesAndSearches() {
        argoCd.app(project + "-dev").pod(pod).log(project, "listening on :8080");
        login("dana", Role.DEVELOPER);
        open("Logs");
        awaitText(() -> text(LogsPanel.class), pod + " │ listening on :8080", "Following");
        argoCd.emit(project + "-dev", pod, project, "order 42 paid");
        awaitText(() -> text(LogsPanel.class), pod + " │ order 42 paid");

        _get(TextField.class, spec -> spec.withId("logs-search")).setValue("listening");
        _get(Checkbox.class, spec -> spec.withId("logs-follow")).setValue(false);
        _click(_get(Button.class, spec -> spec.withId("logs-show")));
        awaitText(() -> text(LogsPanel.class), "listening on :8080", "End of log");
        assertThat(text(LogsPanel.class)).doesNotContain("order 42 paid");
    }

    @Test
    void aViewerIsToldLogsNeedAHigherRole() {
        login("vic", Role.VIEWER);
        open("Logs");
        assertThat(text(LogsPanel.class)).contains("needs a higher role");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Button.class, spec -> spec.withId("logs-show")))
                .as("no log controls").isEmpty();
        assertThat(argoCd.requests()).noneMatch(request -> request.path().contains(project) && request.path()
                .endsWith("/logs"));
    }

    private void open(String tab) {
        UI.getCurrent().navigate("projects/" + project + "/dev");
        var tabs = _get(TabSheet.class);
        for (int i = 0; ; i++) {
            if (tabs.getTabAt(i).getLabel().equals(tab)) {
                tabs.setSelectedIndex(i);
                return;
            }
        }
    }

    private static String text(Class<? extends com.vaadin.flow.component.Component> panel) {
        return _get(panel).getElement().getTextRecursively();
    }

    private static void awaitText(Supplier<String> text, String... expected) {
        await().pollInSameThread().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            MockVaadin.clientRoundtrip(false); // runs what background threads queued with ui.access
            assertThat(text.get()).contains(expected);
        });
    }
}
