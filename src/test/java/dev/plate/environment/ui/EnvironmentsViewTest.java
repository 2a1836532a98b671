package dev.plate.environment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.security.Role;
import dev.plate.support.KaribuTestBase;
import org.junit.jupiter.api.Test;

class EnvironmentsViewTest extends KaribuTestBase {

    @Test
    void a_viewer_sees_the_seeded_promotion_path_and_who_may_deploy_where() {
        login("viewer-user", Role.VIEWER);

        UI.getCurrent().navigate("environments");

        assertThat(_get(Paragraph.class, spec -> spec.withClasses("plate-muted")).getText())
                .isEqualTo("Promotion path: dev → staging → prod");
        @SuppressWarnings("unchecked")
        Grid<EnvironmentSummary> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(3);
        assertThat(GridKt._get(grid, 2).name()).isEqualTo("prod");
        assertThat(GridKt._get(grid, 2).protectedEnvironment()).isTrue();
        assertThat(GridKt._get(grid, 2).autoSync()).isFalse();
    }
}
