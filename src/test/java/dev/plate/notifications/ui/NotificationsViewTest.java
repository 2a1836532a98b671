package dev.plate.notifications.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.notifications.NotificationChannels;
import dev.plate.security.Role;
import dev.plate.support.KaribuTestBase;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Admin → Notifications: a bad address refused at its field, a channel added, a test queued and listed, removed. */
class NotificationsViewTest extends KaribuTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_adds_a_channel_sends_a_test_and_removes_it() {
        String name = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        login("root", Role.ADMIN);
        UI.getCurrent().navigate("admin/notifications");
        var url = _get(TextField.class, spec -> spec.withId("channel-url"));
        _setValue(_get(TextField.class, spec -> spec.withId("channel-name")), name);
        _setValue((Select<NotificationChannels.Kind>) _get(Select.class, spec -> spec.withId("channel-kind")),
                NotificationChannels.Kind.SLACK);
        _setValue(url, "hooks.example.com/x");
        _click(_get(Button.class, spec -> spec.withId("channel-add")));
        assertThat(url.isInvalid()).isTrue();
        assertThat(url.getErrorMessage()).contains("is not an http(s) address");
        assertThat(jdbc.queryForObject("select count(*) from notification_channel where name = ?", Integer.class, name))
                .isZero();

        _setValue(url, "http://127.0.0.1:9/hooks/plate");
        _setValue(_get(PasswordField.class, spec -> spec.withId("channel-secret")), "not-shown-again");
        _setValue((CheckboxGroup<String>) _get(CheckboxGroup.class, spec -> spec.withId("channel-events")),
                Set.of("request.created", "deployment.failed"));
        _click(_get(Button.class, spec -> spec.withId("channel-add")));

        var channelsGrid = (Grid<NotificationChannels.Channel>) _get(Grid.class, spec -> spec.withId("channels"));
        int row = GridKt._findAll(channelsGrid).stream().map(NotificationChannels.Channel::name).toList().indexOf(name);
        assertThat(row).isNotNegative();
        assertThat(GridKt._get(channelsGrid, row).events()).containsExactlyInAnyOrder("request.created",
                "deployment.failed");
        assertThat(GridKt._get(channelsGrid, row).signed()).isTrue();
        _click(_find(GridKt._getCellComponent(channelsGrid, row, "actions"), Button.class).stream()
                .filter(button -> button.getText().equals("Send a test")).findFirst().orElseThrow());

        var deliveries = (Grid<NotificationChannels.Delivery>) _get(Grid.class, spec -> spec.withId("deliveries"));
        assertThat(GridKt._get(deliveries, 0).channel()).isEqualTo(name);
        assertThat(GridKt._get(deliveries, 0).event()).isEqualTo("test");

        _click(_find(GridKt._getCellComponent(channelsGrid, row, "actions"), Button.class).stream()
                .filter(button -> button.getText().equals("Remove")).findFirst().orElseThrow());
        assertThat(jdbc.queryForObject("select count(*) from notification_channel where name = ?", Integer.class, name))
                .isZero();
    }
}
