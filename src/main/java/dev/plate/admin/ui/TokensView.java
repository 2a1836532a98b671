package dev.plate.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plate.base.ui.NarrowScreens;
import dev.plate.base.ui.Notifications;
import dev.plate.security.Roles;
import dev.plate.tokens.ApiTokens;
import dev.plate.tokens.ApiTokens.TokenSummary;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Admin → API tokens: every user's access tokens (and the service accounts', such as Argo CD's), to revoke one
 * that leaked or belongs to someone who left. The secrets themselves are never stored, so never shown.
 */
@Route("admin/tokens")
@PageTitle("API tokens")
@Menu(order = 12, title = "API tokens", icon = "vaadin:key")
@RolesAllowed(Roles.ADMIN)
class TokensView extends Div {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final transient ApiTokens tokens;
    private final transient Clock clock;
    private final TextField owner = new TextField();
    private final Checkbox ended = new Checkbox("Show revoked and expired");
    private final Grid<TokenSummary> grid = new Grid<>();

    TokensView(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        addClassName("plate-page");
        var intro = new Paragraph("Every access token, whoever owns it. A token acts with its owner's current role "
                + "until it expires or is revoked; revoking one ends it at once on every instance.");
        intro.addClassName("plate-muted");
        owner.setPlaceholder("Filter by owner or name");
        owner.setPrefixComponent(VaadinIcon.SEARCH.create());
        owner.setClearButtonVisible(true);
        owner.setValueChangeMode(ValueChangeMode.LAZY);
        owner.setAriaLabel("Filter tokens by owner or name");
        owner.addValueChangeListener(event -> refresh());
        ended.addValueChangeListener(event -> refresh());
        var filters = new Div(owner, ended);
        filters.addClassName("plate-filters");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(TokenSummary::owner).setHeader("Owner").setKey("owner").setAutoWidth(true).setSortable(true);
        grid.addColumn(TokenSummary::name).setHeader("Name").setKey("name").setAutoWidth(true);
        grid.addColumn(token -> token.prefix() + "…").setHeader("Token").setKey("token").setAutoWidth(true);
        grid.addColumn(token -> DAY.format(token.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(token -> DAY.format(token.expiresAt())).setHeader("Expires").setKey("expires").setAutoWidth(true);
        grid.addColumn(token -> token.lastUsedAt().map(WHEN::format).orElse("never")).setHeader("Last used")
                .setKey("used").setAutoWidth(true);
        grid.addColumn(this::status).setHeader("Status").setKey("status").setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setHeader("").setKey("revoke").setFlexGrow(0).setWidth("7em");
        NarrowScreens.stackRows(grid, token -> NarrowScreens.card(token.owner() + " · " + token.name(),
                token.prefix() + "… · " + status(token), "Created " + DAY.format(token.createdAt()) + ", expires "
                        + DAY.format(token.expiresAt()), "Last used " + token.lastUsedAt().map(WHEN::format)
                        .orElse("never"), revokeButton(token)));
        grid.setEmptyStateText("No tokens match. People create theirs on their Profile page.");
        add(intro, filters, grid);
        refresh();
    }

    private String status(TokenSummary token) {
        return token.revokedAt().isPresent() ? "Revoked" : token.activeAt(clock.instant()) ? "Active" : "Expired";
    }

    private Component revokeButton(TokenSummary token) {
        var revoke = new Button("Revoke", event -> confirm(token));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        revoke.setVisible(token.activeAt(clock.instant()));
        revoke.setAriaLabel("Revoke " + token.owner() + "'s token " + token.name());
        return revoke;
    }

    /** Revoking someone else's token breaks their scripts: say whose, first. */
    private void confirm(TokenSummary token) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Revoke " + token.owner() + "'s token " + token.name() + "?");
        dialog.add(new Paragraph("Anything using " + token.prefix() + "… stops working at once. This cannot be "
                + "undone; " + token.owner() + " can create a new token on their Profile page."));
        var revoke = new Button("Revoke", event -> {
            dialog.close();
            Notifications.attempt(() -> tokens.revoke(token.id()), "Revoked " + token.owner() + "'s token "
                    + token.name(), this::refresh);
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), revoke);
        dialog.open();
    }

    private void refresh() {
        String needle = owner.getValue() == null ? "" : owner.getValue().strip().toLowerCase(Locale.ROOT);
        var now = clock.instant();
        grid.setItems(tokens.all().stream()
                .filter(token -> ended.getValue() || token.activeAt(now))
                .filter(token -> needle.isEmpty() || token.owner().toLowerCase(Locale.ROOT).contains(needle)
                        || token.name().toLowerCase(Locale.ROOT).contains(needle))
                .toList());
    }
}
