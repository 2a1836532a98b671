package dev.plate.approvals.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.github.mvysny.kaributesting.v10.GridKt;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.EnvironmentAdministration;
import dev.plate.deployment.ImportRequest;
import dev.plate.environment.ApprovalPolicy;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSettings;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepoLayout;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.KaribuTestBase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The approval journey in the views: a developer asks for a prod deployment from the project page (prod waits for a
 * maintainer's approval), a maintainer finds it on the dashboard, reviews the diff and approves it, and prod runs it;
 * and an administrator sets the policy in the environment's dialog, a bad number refused at its field.
 */
class ApprovalsViewsTest extends KaribuTestBase {

    @Autowired
    DeploymentService deployments;
    @Autowired
    EnvironmentAdministration administration;
    @Autowired
    EnvironmentService environments;
    @Autowired
    ConfigRepository repository;
    @Autowired
    JdbcTemplate jdbc;

    final String name = "apv-" + UUID.randomUUID().toString().substring(0, 8);
    String prod;

    @BeforeEach
    void prodWaitsForAMaintainer() {
        prod = environments.list().getLast().name();
        login("root", Role.ADMIN);
        deployments.importProject(new ImportRequest(new NewProject(name, null, "ghcr.io/acme/" + name, 8080, "/",
                List.of()), "1.0.0"));
        policy(new ApprovalPolicy(1, Role.MAINTAINER, false, false, Duration.ofHours(24)));
    }

    @AfterEach
    void prodCommitsAtOnceAgain() {
        login("root", Role.ADMIN);
        policy(ApprovalPolicy.NONE);
        deployments.deleteProject(name, name);
    }

    @Test
    void a_developer_asks_on_the_project_page_and_a_maintainer_approves_from_the_dashboard() {
        login("dana", Role.DEVELOPER);
        UI.getCurrent().navigate("projects/" + name);
        _click(_get(cardOf(prod), Button.class, spec -> spec.withText("Deploy")));
        assertThat(_get(Dialog.class).getElement().getTextRecursively()).contains("Changes to " + prod
                + " wait for 1 approval by a MAINTAINER");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Image tag")), "2.0.0");
        _click(_get(Button.class, spec -> spec.withText("Request deployment to " + prod)));

        assertThat(cardOf(prod).getElement().getTextRecursively()).as("nothing committed yet").contains("1.0.0")
                .doesNotContain("2.0.0");
        var waiting = _get(RequestsPanel.class);
        assertThat(waiting.getElement().getTextRecursively()).contains("Waiting for approval")
                .contains("deploy " + name + " to " + prod).contains("Asked by dana").contains("0 of 1 approvals");
        long id = jdbc.queryForObject("select id from deployment_request where project = ?", Long.class, name);
        assertThat(_find(Button.class, spec -> spec.withId("request-withdraw-" + id))).as("the requester may "
                + "withdraw").hasSize(1);

        login("mia", Role.MAINTAINER);
        UI.getCurrent().navigate("");
        assertThat(_get(RequestsPanel.class).getElement().getTextRecursively()).contains("Waiting for your approval")
                .contains("#" + id + " deploy " + name + " to " + prod);
        _click(_get(Button.class, spec -> spec.withId("request-review-" + id)));
        var dialog = _get(Dialog.class);
        assertThat(_get(dialog, Div.class, spec -> spec.withAttribute("data-path", RepoLayout.valuesFile(name, prod)))
                .getElement().getTextRecursively()).contains("-   tag: \"1.0.0\"").contains("+   tag: \"2.0.0\"");
        _click(_get(Button.class, spec -> spec.withId("request-approve")));

        assertThat(_find(RequestsPanel.class).stream().filter(panel -> panel.isVisible())).as("nothing waits any "
                + "more").isEmpty();
        assertThat(new String(repository.read(RepoLayout.valuesFile(name, prod)).orElseThrow(),
                StandardCharsets.UTF_8)).contains("tag: \"2.0.0\"");
        UI.getCurrent().navigate("projects/" + name);
        assertThat(cardOf(prod).getElement().getTextRecursively()).contains("2.0.0");
    }

    @Test
    void an_admin_sets_the_approvals_in_the_environment_dialog_and_a_bad_number_is_refused_at_its_field() {
        policy(ApprovalPolicy.NONE);
        UI.getCurrent().navigate("environments");
        int row = environments.list().size() - 1;
        _click(rowButton(row, "Change"));
        var approvals = _get(IntegerField.class, spec -> spec.withId("env-approvals"));
        _setValue(approvals, 11);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(approvals.isInvalid()).isTrue();
        assertThat(approvals.getErrorMessage()).contains("0 (none) to 10");
        assertThat(environments.find(prod).orElseThrow().approvals()).isEqualTo(ApprovalPolicy.NONE);

        _setValue(approvals, 2);
        _setValue(_get(IntegerField.class, spec -> spec.withId("env-approval-expiry")), 8);
        _setValue(_get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("env-approvers-team-only")),
                true);
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(environments.find(prod).orElseThrow().approvals()).isEqualTo(new ApprovalPolicy(2,
                Role.MAINTAINER, true, false, Duration.ofHours(8)));
        assertThat(new String(repository.read(RepoLayout.environmentFile(prod)).orElseThrow(),
                StandardCharsets.UTF_8)).contains("required: 2");
        @SuppressWarnings("unchecked")
        Grid<EnvironmentSummary> grid = _get(Grid.class);
        assertThat(GridKt._getCellComponent(grid, row, "who").getElement().getTextRecursively())
                .isEqualTo("Maintainers only, 2 approvals");
    }

    private void policy(ApprovalPolicy policy) {
        administration.update(prod, EnvironmentSettings.of(environments.find(prod).orElseThrow())
                .withApprovals(policy));
    }

    private static Div cardOf(String environment) {
        return _get(Div.class, spec -> spec.withAttribute("data-environment", environment));
    }

    @SuppressWarnings("unchecked")
    private static Button rowButton(int row, String text) {
        Grid<EnvironmentSummary> grid = _get(Grid.class);
        return _find(GridKt._getCellComponent(grid, row, "actions"), Button.class).stream()
                .filter(button -> text.equals(button.getText())).findFirst().orElseThrow();
    }
}
