package dev.plate.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.plate.security.Role;
import dev.plate.support.KaribuTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainLayoutTest extends KaribuTestBase {

    @Test
    void a_developer_sees_the_dashboard_but_no_admin_navigation() {
        login("dev-user", Role.DEVELOPER);

        UI.getCurrent().navigate("");

        _get(MainLayout.class);
        assertThat(navLabels()).containsExactly("Dashboard", "Projects", "Environments");
    }

    @Test
    void a_developer_cannot_open_an_admin_page_by_its_address() {
        login("dev-user", Role.DEVELOPER);

        assertNotAllowed("admin/users", "administrators");
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getLabel)).doesNotContain("Users");
    }

    @Test
    void a_viewer_is_told_who_may_import() {
        login("viewer-user", Role.VIEWER);

        assertNotAllowed("projects/import", "developers, maintainers and administrators");
    }

    @Test
    void a_projects_pages_keep_projects_highlighted_and_named_in_the_top_bar() {
        login("viewer-user", Role.VIEWER);

        UI.getCurrent().navigate("projects/some-project");

        assertThat(_get(com.vaadin.flow.component.html.H1.class).getText()).isEqualTo("Projects");
        var projects = _get(SideNavItem.class, spec -> spec.withPredicate(item -> "Projects".equals(item.getLabel())));
        assertThat(projects.isMatchNested()).as("highlighted on /projects/...").isTrue();
        var dashboard = _get(SideNavItem.class, spec -> spec.withPredicate(item -> "Dashboard".equals(item.getLabel())));
        assertThat(dashboard.isMatchNested()).as("the dashboard's path is every path's prefix").isFalse();
    }

    @Test
    void an_admin_sees_the_admin_section_with_users() {
        login("admin", Role.ADMIN);

        UI.getCurrent().navigate("");

        assertThat(navLabels()).containsExactly("Dashboard", "Projects", "Environments", "Admin", "Users", "Teams",
                "Notifications", "Integrations", "API tokens", "Audit log");
        var users = _get(SideNavItem.class, spec -> spec.withPredicate(item -> "Users".equals(item.getLabel())));
        assertThat(users.getPath()).endsWith("admin/users");
    }

    @Test
    void the_theme_toggle_switches_between_light_and_dark() {
        login("viewer-user", Role.VIEWER);
        UI.getCurrent().navigate("");
        var page = UI.getCurrent().getPage();
        assertThat(page.getColorScheme()).isEqualTo(ColorScheme.Value.LIGHT);

        _click(_get(ThemeToggle.class));
        assertThat(page.getColorScheme()).isEqualTo(ColorScheme.Value.DARK);

        _click(_get(ThemeToggle.class));
        assertThat(page.getColorScheme()).isEqualTo(ColorScheme.Value.LIGHT);
    }

    private static List<String> navLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }
}
