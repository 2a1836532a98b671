package dev.plate.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.audit.AuditLog;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.KaribuTestBase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditViewTest extends KaribuTestBase {

    @Autowired
    DeploymentService deployments;

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_filters_the_trail_by_target_and_action() {
        login("root", Role.ADMIN);
        String name = "audit-view-" + UUID.randomUUID().toString().substring(0, 8);
        deployments.importProject(new ImportRequest(new NewProject(name, null, "ghcr.io/acme/" + name, 8080, "/",
                List.of()), "1.0.0"));
        UI.getCurrent().navigate("admin/audit");

        _setValue(_get(TextField.class, spec -> spec.withLabel("Target contains")), "project:" + name);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Action starts with")), "project.");
        _click(_get(Button.class, spec -> spec.withText("Search")));

        Grid<AuditLog.Entry> grid = _get(Grid.class);
        var rows = grid.getGenericDataView().getItems().toList();
        assertThat(rows).hasSize(1);
        var row = rows.getFirst();
        assertThat(row.action()).isEqualTo("project.imported");
        assertThat(row.actor()).isEqualTo("root");
        assertThat(_get(AuditView.class).getElement().getTextRecursively()).contains("1 event(s), newest first.");

        _setValue(_get(TextField.class, spec -> spec.withLabel("Action starts with")), "token.");
        _click(_get(Button.class, spec -> spec.withText("Search")));
        assertThat(grid.getGenericDataView().getItems().toList()).isEmpty();
        assertThat(_get(AuditView.class).getElement().getTextRecursively()).contains("No events match");
    }

    @Test
    void the_page_is_an_admins_only() {
        login("mia", Role.MAINTAINER);
        assertNotAllowed("admin/audit", AuditView.class, "administrators");
    }

    @Test
    void csv_quotes_every_field_and_defuses_formulas() {
        var entry = new AuditLog.Entry(1, Instant.parse("2026-11-26T10:00:00Z"), "mia", "deployment.created",
                "project:shop/dev", "=HYPERLINK(\"http://evil\") said \"hi\", then\nleft", null);
        assertThat(AuditCsv.of(List.of(entry))).isEqualTo("\"time\",\"actor\",\"action\",\"target\",\"details\","
                + "\"request id\"\r\n\"2026-11-26T10:00:00Z\",\"mia\",\"deployment.created\",\"project:shop/dev\","
                + "\"'=HYPERLINK(\"\"http://evil\"\") said \"\"hi\"\", then\nleft\",\"\"\r\n");
    }
}
