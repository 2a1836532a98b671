package dev.plate.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.security.Role;
import dev.plate.support.KaribuTestBase;
import dev.plate.tokens.ApiTokens;
import dev.plate.tokens.ApiTokens.TokenSummary;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class TokensViewTest extends KaribuTestBase {

    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_sees_everyones_tokens_and_revokes_one_after_confirming() {
        String owner = "tok" + UUID.randomUUID().toString().substring(0, 6);
        jdbc.update("insert into plate_user (username, display_name, password_hash, role, enabled, created_at, "
                + "updated_at, version) values (?, ?, 'x', 'DEVELOPER', true, current_timestamp, current_timestamp, 0)",
                owner, owner);
        login(owner, Role.DEVELOPER);
        var created = tokens.create("laptop", 30);
        login("root", Role.ADMIN);

        UI.getCurrent().navigate("admin/tokens");
        _setValue(_get(TextField.class, spec -> spec.withPlaceholder("Filter by owner or name")), owner);
        Grid<TokenSummary> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid, 0, "owner")).isEqualTo(owner);
        assertThat(GridKt._getFormatted(grid, 0, "token")).isEqualTo(created.summary().prefix() + "…")
                .doesNotContain(created.token());
        assertThat(GridKt._getFormatted(grid, 0, "status")).isEqualTo("Active");

        _click((Button) GridKt._getCellComponent(grid, 0, "revoke"));
        var dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Revoke " + owner + "'s token laptop?");
        assertThat(jdbc.queryForObject("select revoked_at is null from api_token where id = ?", Boolean.class,
                created.summary().id())).as("nothing before the confirmation").isTrue();
        _click(_get(dialog, Button.class, spec -> spec.withText("Revoke")));

        assertThat(jdbc.queryForObject("select revoked_at is not null from api_token where id = ?", Boolean.class,
                created.summary().id())).isTrue();
        assertThat(tokens.authenticate(created.token())).isEmpty();
        assertThat(GridKt._size(grid)).as("ended tokens are hidden unless asked for").isZero();
    }

    @Test
    void the_page_is_an_admins_only() {
        login("mia", Role.MAINTAINER);

        assertNotAllowed("admin/tokens", TokensView.class, "administrators");
    }
}
