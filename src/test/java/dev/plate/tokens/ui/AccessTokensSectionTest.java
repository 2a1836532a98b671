package dev.plate.tokens.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.security.NewUser;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.KaribuTestBase;
import dev.plate.tokens.ApiTokens;
import dev.plate.tokens.ApiTokens.TokenSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The access tokens on the profile page, where security's page shows this module's section. */
class AccessTokensSectionTest extends KaribuTestBase {

    @Autowired
    UserService users;

    @Autowired
    ApiTokens tokens;

    @BeforeEach
    void aUserOpensTheirProfile() {
        login("admin", Role.ADMIN);
        if (users.listUsers().stream().noneMatch(u -> u.username().equals("pat"))) {
            users.createUser(new NewUser("pat", "Pat", Role.VIEWER, "pat-first-password"));
        }
        login("pat", Role.VIEWER);
        UI.getCurrent().navigate("profile");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_user_creates_an_access_token_sees_it_once_and_revokes_it() {
        int before = tokens.mine().size();
        _setValue(_get(TextField.class, spec -> spec.withLabel("Token name")), "laptop");
        _click(_get(Button.class, spec -> spec.withText("Create token")));

        String token = _get(TextField.class, spec -> spec.withClasses("plate-secret")).getValue();
        assertThat(token).startsWith("plate_");
        assertThat(tokens.authenticate(token).orElseThrow().getName()).isEqualTo("pat");
        _click(_get(Button.class, spec -> spec.withText("Done")));

        Grid<TokenSummary> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(before + 1);
        assertThat(GridKt._getFormatted(grid, 0, "name")).isEqualTo("laptop");
        assertThat(GridKt._getFormatted(grid, 0, "token")).isEqualTo(token.substring(0, 10) + "…");
        assertThat(GridKt._getFormatted(grid, 0, "status")).isEqualTo("Active");

        _click((Button) GridKt._getCellComponent(grid, 0, "revoke"));

        assertThat(tokens.authenticate(token)).isEmpty();
        assertThat(GridKt._getFormatted(grid, 0, "status")).isEqualTo("Revoked");
    }

    @Test
    void an_empty_token_name_is_refused_next_to_the_field() {
        int before = tokens.mine().size();
        _click(_get(Button.class, spec -> spec.withText("Create token")));

        var name = _get(TextField.class, spec -> spec.withLabel("Token name"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).startsWith("Name the token");
        assertThat(tokens.mine()).hasSize(before);
    }
}
