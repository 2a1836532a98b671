package dev.plate.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every signed-in view: side navigation built from the views' {@code @Menu} annotations
 * (Vaadin leaves out the views the user may not open, so Admin items reach only admins), the page title, the
 * light/dark switch and the user menu. Views never name this class, so modules do not depend on each other
 * through it.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    static final String ADMIN_PREFIX = "admin/";

    private final H1 viewTitle = new H1();

    MainLayout(AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);
        viewTitle.addClassName("plate-view-title");
        var toggle = new DrawerToggle();
        toggle.setAriaLabel("Menu");
        var header = new Div(toggle, viewTitle, new ThemeToggle());
        header.addClassName("plate-navbar");
        addToNavbar(header);
        var nav = new Scroller(navigation());
        nav.addClassName("plate-nav");
        addToDrawer(brand(), nav, userMenu(authentication));
    }

    private static Component brand() {
        var logo = new Span("▣");
        logo.addClassName("plate-logo");
        var name = new Span("Plate");
        name.addClassName("plate-brand-name");
        var brand = new Div(logo, name);
        brand.addClassName("plate-brand");
        return brand;
    }

    private static SideNav navigation() {
        var nav = new SideNav();
        SideNavItem admin = null;
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            var item = new SideNavItem(entry.title(), entry.path(), icon(entry));
            // A project's pages and the import page sit under Projects: it stays highlighted there. The
            // dashboard's path is every path's prefix, so it highlights only itself.
            item.setMatchNested(!entry.path().replaceFirst("^/", "").isEmpty());
            if (entry.path().replaceFirst("^/", "").startsWith(ADMIN_PREFIX)) {
                if (admin == null) {
                    admin = new SideNavItem("Admin", (String) null, new Icon("vaadin", "cog"));
                    admin.setExpanded(true);
                    nav.addItem(admin);
                }
                admin.addItem(item);
            } else {
                nav.addItem(item);
            }
        }
        return nav;
    }

    private static Component icon(MenuEntry entry) {
        String[] parts = entry.icon() == null ? new String[0] : entry.icon().split(":", 2);
        return parts.length == 2 ? new Icon(parts[0], parts[1]) : new Span();
    }

    private static Component userMenu(AuthenticationContext authentication) {
        String name = authentication.getPrincipalName().orElse("?");
        var avatar = new Avatar(name);
        avatar.addClassName("plate-avatar");
        var menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.addClassName("plate-user-menu");
        var item = menu.addItem(new Div(avatar, new Span(name)));
        // By path, not by class: the layout must not depend on the security module's views.
        item.getSubMenu().addItem("Profile", event -> menu.getUI().ifPresent(ui -> ui.navigate("profile")));
        item.getSubMenu().addItem("Log out", event -> authentication.logout());
        return menu;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(getContent() instanceof HasOwnHeading ? section(event.getLocation().getPath())
                : MenuConfiguration.getPageHeader(getContent()).orElse(""));
    }

    /** The title of the navigation entry whose path is the longest prefix of this one. */
    private static String section(String path) {
        String title = "";
        int longest = -1;
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            String prefix = entry.path().replaceFirst("^/", "");
            if ((path.equals(prefix) || path.startsWith(prefix + "/")) && prefix.length() > longest) {
                longest = prefix.length();
                title = entry.title();
            }
        }
        return title;
    }
}
