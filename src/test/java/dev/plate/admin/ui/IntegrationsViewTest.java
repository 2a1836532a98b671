package dev.plate.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.argocd.ClusterConnection.Mode;
import dev.plate.security.Role;
import dev.plate.support.KaribuTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class IntegrationsViewTest extends KaribuTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_sees_the_connection_in_use_and_a_bad_kubeconfig_is_refused_next_to_the_box() {
        login("root", Role.ADMIN);
        UI.getCurrent().navigate("admin/integrations");

        RadioButtonGroup<Mode> mode = _get(RadioButtonGroup.class);
        assertThat(mode.getValue()).isEqualTo(Mode.NONE);
        assertThat(_get(IntegrationsView.class).getElement().getTextRecursively()).contains("In use: ");
        _setValue(mode, Mode.KUBECONFIG);
        var kubeconfig = _get(TextArea.class, spec -> spec.withLabel("Kubeconfig"));
        _setValue(kubeconfig, "clusters: [this is not one");
        _click(_get(Button.class, spec -> spec.withText("Test connection")));

        assertThat(kubeconfig.isInvalid()).isTrue();
        assertThat(kubeconfig.getErrorMessage()).startsWith("This is not a kubeconfig Plate can use");
        assertThat(jdbc.queryForObject("select count(*) from setting", Long.class)).isZero();
        _setValue(_get(TextField.class, spec -> spec.withLabel("Argo CD namespace")), "argocd");
        _setValue(mode, Mode.NONE);
        _click(_get(Button.class, spec -> spec.withText("Test connection")));
        assertThat(_get(Div.class, spec -> spec.withAttribute("data-result", "argocd")).getElement()
                .getTextRecursively()).contains("Not configured");
    }

    @Test
    void the_page_is_an_admins_only() {
        login("mia", Role.MAINTAINER);

        assertThrows(MockAccessDeniedException.class, () -> UI.getCurrent().navigate("admin/integrations"));
    }
}
