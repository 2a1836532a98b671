package dev.plate.tokens.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.base.ValidationException;
import dev.plate.base.ui.NarrowScreens;
import dev.plate.base.ui.Notifications;
import dev.plate.base.ui.OneTimeSecretDialog;
import dev.plate.tokens.ApiTokens;
import dev.plate.tokens.ApiTokens.TokenSummary;
import java.time.Clock;
import java.util.List;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The signed-in user's access tokens: create one (shown once), see when each was used, revoke. */
class AccessTokensSection extends Div {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ApiTokens tokens;
    private final Clock clock;
    private final TextField name = new TextField("Token name");
    private final Select<Integer> days = new Select<>();
    private final Select<String> team = new Select<>();
    private final com.vaadin.flow.component.checkbox.Checkbox readOnly = new com.vaadin.flow.component.checkbox
            .Checkbox("Read-only");
    private static final String ANY_TEAM = "";
    private final Grid<TokenSummary> grid = new Grid<>();

    AccessTokensSection(ApiTokens tokens, Clock clock, List<String> teamNames) {
        this.tokens = tokens;
        this.clock = clock;
        var intro = new Paragraph("For git clients, scripts and CI: use a token where a password would go, e.g. "
                + "git clone http://you:<token>@<plate>/git/plate-config.git. A token acts with your role and is "
                + "shown only once.");
        intro.addClassName("plate-muted");
        name.setPlaceholder("e.g. laptop or ci");
        name.setMaxLength(64);
        days.setLabel("Lasts");
        days.setItems(7, 30, 90, 180, 365);
        days.setItemLabelGenerator(count -> count + " days");
        days.setValue(90);
        team.setLabel("Limited to");
        team.setId("token-team");
        var choices = new java.util.ArrayList<String>(List.of(ANY_TEAM));
        choices.addAll(teamNames);
        team.setItems(choices);
        team.setItemLabelGenerator(choice -> choice.isEmpty() ? "Every project" : "Team " + choice);
        team.setValue(ANY_TEAM);
        readOnly.setId("token-read-only");
        var create = new Button("Create token", event -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new Div(name, days, team, readOnly, create);
        form.addClassName("plate-inline-form");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(TokenSummary::name).setHeader("Name").setKey("name").setAutoWidth(true);
        grid.addColumn(token -> token.prefix() + "…").setHeader("Token").setKey("token").setAutoWidth(true);
        grid.addColumn(token -> DAY.format(token.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(token -> DAY.format(token.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(token -> token.lastUsedAt().map(WHEN::format).orElse("never")).setHeader("Last used")
                .setAutoWidth(true);
        grid.addColumn(token -> token.scope().describe().replace("all of its owner's rights", "all"))
                .setHeader("Limited to").setKey("scope").setAutoWidth(true);
        grid.addColumn(this::status).setHeader("Status").setKey("status").setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setHeader("").setKey("revoke").setFlexGrow(0).setWidth("7em");
        NarrowScreens.stackRows(grid, token -> NarrowScreens.card(token.name(), token.prefix() + "… · "
                + status(token), "Created " + DAY.format(token.createdAt()) + ", expires "
                + DAY.format(token.expiresAt()), "Last used " + token.lastUsedAt().map(WHEN::format).orElse("never"),
                revokeButton(token)));
        grid.setAllRowsVisible(true);
        add(new H2("Access tokens"), intro, form, grid);
        refresh();
    }

    private void create() {
        name.setInvalid(false);
        try {
            var created = tokens.create(name.getValue(), days.getValue(), new ApiTokens.Scope(
                    java.util.Optional.ofNullable(team.getValue()), readOnly.getValue()));
            name.clear();
            refresh();
            new OneTimeSecretDialog("Token " + created.summary().name(), "Copy it now: Plate keeps only a hash "
                    + "and cannot show it again. It expires on " + DAY.format(created.summary().expiresAt()) + ".",
                    created.token()).open();
        } catch (ValidationException refusal) {
            if ("name".equals(refusal.field())) {
                name.setErrorMessage(refusal.getMessage());
                name.setInvalid(true);
            } else {
                Notifications.error(refusal.getMessage());
            }
        }
    }

    private String status(TokenSummary token) {
        return token.revokedAt().isPresent() ? "Revoked" : token.activeAt(clock.instant()) ? "Active" : "Expired";
    }

    private Component revokeButton(TokenSummary token) {
        var revoke = new Button("Revoke", event -> Notifications.attempt(() -> tokens.revoke(token.id()),
                "Token " + token.name() + " revoked", this::refresh));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        revoke.setVisible(token.activeAt(clock.instant()));
        revoke.setAriaLabel("Revoke token " + token.name());
        return revoke;
    }

    private void refresh() {
        grid.setItems(tokens.mine());
    }
}
