package dev.plate.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.plate.base.ui.NarrowScreens;
import dev.plate.base.ui.Notifications;
import dev.plate.base.ui.OneTimeSecretDialog;
import dev.plate.security.Role;
import dev.plate.security.Roles;
import dev.plate.security.UserService;
import dev.plate.security.UserSummary;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Admin → Users: who can sign in, with which role. Every action is also refused by the service for non-admins. */
@Route("admin/users")
@PageTitle("Users")
@Menu(order = 10, title = "Users", icon = "vaadin:users")
@RolesAllowed(Roles.ADMIN)
class UsersView extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final UserService users;
    private final Clock clock;
    private final transient AuthenticationContext authentication;
    private final Grid<UserSummary> grid = new Grid<>();

    UsersView(UserService users, Clock clock, AuthenticationContext authentication) {
        this.users = users;
        this.clock = clock;
        this.authentication = authentication;
        addClassName("plate-page");
        var create = new Button("New user", new Icon("vaadin", "plus"),
                event -> new NewUserDialog(users, created -> refresh()).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var toolbar = new Div(create);
        toolbar.addClassName("plate-toolbar");
        configureGrid();
        add(toolbar, grid);
        refresh();
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        // Names take the room left and wrap: as wide as the longest, the list scrolled sideways with many users.
        grid.addColumn(UserSummary::username).setHeader("Username").setSortable(true).setWidth("9em")
                .setFlexGrow(1);
        grid.addColumn(UserSummary::displayName).setHeader("Name").setWidth("9em").setFlexGrow(1);
        grid.addComponentColumn(this::roleSelect).setHeader("Role").setKey("role").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::status).setHeader("Status").setWidth("9em").setFlexGrow(0);
        grid.addColumn(user -> user.lastLoginAt().map(WHEN::format).orElse("never")).setHeader("Last login")
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setFlexGrow(0).setWidth("5em");
        NarrowScreens.stackRows(grid, user -> {
            var controls = new Div(roleSelect(user), actions(user));
            controls.addClassName("plate-stacked-controls");
            return NarrowScreens.card(user.username() + (user.displayName() == null || user.displayName().isBlank()
                    ? "" : " · " + user.displayName()), status(user), "Last login: "
                    + user.lastLoginAt().map(WHEN::format).orElse("never"), controls);
        });
        grid.setAllRowsVisible(true);
    }

    private Component roleSelect(UserSummary user) {
        var select = new Select<Role>();
        select.setItems(Role.values());
        select.setItemLabelGenerator(Role::label);
        select.setValue(user.role());
        select.setAriaLabel("Role of " + user.username());
        if (user.singleSignOn()) {
            // Set from the provider's groups at every sign-in: a change here would not last.
            select.setReadOnly(true);
            select.setTooltipText("Set by the groups at the sign-in provider, at every sign-in");
        }
        select.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null && event.getValue() != user.role()) {
                confirmRole(user, event.getValue(), () -> select.setValue(user.role()));
            }
        });
        return select;
    }

    /** A role changes only once confirmed: it ends the user's sessions, and on one's own row may lock one out. */
    private void confirmRole(UserSummary user, Role role, Runnable undo) {
        boolean own = user.username().equals(authentication.getPrincipalName().orElse(""));
        var dialog = new ConfirmDialog("Change the role of " + user.username() + "?", user.role().label() + " → "
                + role.label() + ". " + (own ? "This is your own account: you may lose access to these pages. " : "")
                + "Their sessions end; the new role applies at their next sign-in.", "Change role", confirmed ->
                Notifications.attempt(() -> users.changeRole(user.id(), role), "Role of " + user.username()
                        + " is now " + role.label(), this::refresh));
        dialog.setCancelable(true);
        dialog.addCancelListener(cancelled -> undo.run());
        dialog.setConfirmButtonTheme(own ? "error primary" : "primary");
        dialog.open();
    }

    private Component status(UserSummary user) {
        String text;
        String variant;
        if (!user.enabled()) {
            text = "Disabled";
            variant = "down";
        } else if (user.lockedAt(clock.instant())) {
            text = "Locked until " + WHEN.format(user.lockedUntil().orElseThrow());
            variant = "not_configured";
        } else {
            text = "Active";
            variant = "up";
        }
        var badge = new Span(text);
        badge.addClassNames("plate-badge", "plate-badge-" + variant);
        if (!user.singleSignOn()) {
            return badge;
        }
        var sso = new Span("SSO");
        sso.addClassNames("plate-badge", "plate-badge-not_configured");
        sso.setTitle("Signs in with single sign-on; the role comes from the provider's groups");
        return new Span(badge, new Span(" "), sso);
    }

    private Component actions(UserSummary user) {
        var menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
        var more = menu.addItem(new Icon("vaadin", "ellipsis-dots-v"));
        more.setAriaLabel("Actions for " + user.username());
        var sub = more.getSubMenu();
        if (user.enabled()) {
            sub.addItem("Disable", e -> Notifications.attempt(() -> users.setEnabled(user.id(), false),
                    user.username() + " is disabled: signed out everywhere, access tokens revoked", this::refresh));
        } else {
            sub.addItem("Enable", e -> Notifications.attempt(() -> users.setEnabled(user.id(), true),
                    user.username() + " can sign in again", this::refresh));
        }
        if (!user.singleSignOn()) {
            sub.addItem("Reset password", e -> resetPassword(user));
        }
        if (user.lockedAt(clock.instant())) {
            sub.addItem("Unlock", e -> Notifications.attempt(() -> users.unlock(user.id()),
                    user.username() + " is unlocked", this::refresh));
        }
        return menu;
    }

    private void resetPassword(UserSummary user) {
        Notifications.attempt(() -> {
            String password = users.resetPassword(user.id());
            new OneTimeSecretDialog("New password for " + user.username(),
                    "Hand this password over now: it is not shown again. The user's sessions have ended.",
                    password).open();
        }, null, this::refresh);
    }

    private void refresh() {
        grid.setItems(users.listUsers());
    }
}
