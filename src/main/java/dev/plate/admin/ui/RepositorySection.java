package dev.plate.admin.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.base.ValidationException;
import dev.plate.base.ui.FieldErrors;
import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.gitea.GiteaException;
import dev.plate.gitops.GitException;
import dev.plate.gitops.RepositoryHosting;
import dev.plate.gitops.RepositoryHosting.Mode;
import dev.plate.gitops.RepositoryHosting.Request;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Admin → Integrations, where the config repository lives: Plate's embedded Git server or a Gitea organisation.
 * Tokens are write-only (stored encrypted, never shown; an empty box keeps the saved one). Choosing another
 * place moves the repository there, after a confirmation saying what that does.
 */
class RepositorySection extends Div {

    private final RepositoryHosting hosting;
    private final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>("Where the config repository lives");
    private final TextField url = new TextField("Gitea URL");
    private final TextField organisation = new TextField("Organisation");
    private final PasswordField token = new PasswordField("Access token");
    private final TextField readUsername = new TextField("Argo CD's Gitea user (optional)");
    private final PasswordField readToken = new PasswordField("Argo CD's read-only token (optional)");
    private final Div giteaFields = new Div(url, organisation, token, readUsername, readToken);
    private final Paragraph inUse = new Paragraph();
    private final Div result = new Div();
    private final Map<String, HasValidation> fields = Map.of("mode", mode, "url", url, "organisation", organisation,
            "token", token, "readUsername", readUsername, "readToken", readToken);

    RepositorySection(RepositoryHosting hosting) {
        this.hosting = hosting;
        addClassName("plate-section");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(choice -> choice == Mode.EMBEDDED ? "Plate's embedded Git server"
                : "A Gitea organisation");
        mode.addValueChangeListener(event -> giteaFields.setVisible(event.getValue() == Mode.GITEA));
        url.setPlaceholder("e.g. https://gitea.example.com");
        url.setId("gitea-url");
        organisation.setId("gitea-organisation");
        token.setId("gitea-token");
        token.setHelperText("A token of a user who may create and write repositories in the organisation.");
        readToken.setHelperText("With read:repository only. Plate gives it to Argo CD, nothing else.");
        giteaFields.addClassName("plate-form");
        for (var field : new com.vaadin.flow.component.HasSize[] {url, organisation, token, readUsername, readToken}) {
            field.setWidth("min(100%, 28rem)");
        }
        var test = new Button("Test connection", event -> run(hosting::test));
        var save = new Button("Save", event -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        test.setId("git-test");
        save.setId("git-save");
        var buttons = new Div(test, save);
        buttons.addClassName("plate-form-buttons");
        inUse.addClassName("plate-muted");
        result.getElement().setAttribute("data-result", "git");
        var intro = new Paragraph("Where Plate commits charts, values and Argo CD Applications. Choosing another "
                + "place moves the repository with its whole history; the old place keeps a last commit saying "
                + "where it went, and Argo CD is pointed at the new one.");
        intro.addClassName("plate-muted");
        var form = new Div(mode, giteaFields, buttons, result);
        form.addClassName("plate-form");
        add(new H2("Config repository"), intro, inUse, form);
        show(hosting.current());
    }

    private void show(RepositoryHosting.Current current) {
        mode.setValue(current.mode());
        url.setValue(current.url());
        organisation.setValue(current.organisation());
        readUsername.setValue(current.readUsername());
        token.clear();
        readToken.clear();
        token.setPlaceholder(current.tokenSaved() ? "Saved (encrypted, not shown): enter one to replace it" : "");
        readToken.setPlaceholder(current.readTokenSaved() ? "Saved (encrypted, not shown): enter one to replace it"
                : "");
        giteaFields.setVisible(current.mode() == Mode.GITEA);
        inUse.setText("In use: " + current.cloneUrl() + switch (current.source()) {
            case "saved" -> " (saved here).";
            case "environment" -> " (from PLATE_GITEA_*; saving here replaces it).";
            default -> " (Plate's embedded Git server, the default).";
        });
    }

    private Request request() {
        return new Request(mode.getValue(), url.getValue(), organisation.getValue(), given(token.getValue()),
                readUsername.getValue(), given(readToken.getValue()));
    }

    /** Saving another place moves the repository: say what that does first. */
    private void save() {
        var current = hosting.current();
        var request = request();
        boolean moves = request.mode() != null && (request.mode() != current.mode() || request.mode() == Mode.GITEA
                && (!request.url().strip().replaceAll("/+$", "").equals(current.url())
                        || !request.organisation().strip().equals(current.organisation())));
        if (!moves) {
            run(hosting::save);
            return;
        }
        var confirm = new Dialog();
        confirm.setHeaderTitle("Move the config repository?");
        String target = request.mode() == Mode.EMBEDDED ? "Plate's embedded Git server"
                : "Gitea organisation " + request.organisation().strip();
        confirm.add(new Paragraph("Plate pushes the whole history of " + current.cloneUrl() + " to " + target
                + " and commits only there from then on. The old place gets a last commit saying where the history "
                + "went. Argo CD's Applications and its credentials are pointed at the new place. Deployments "
                + "wait while the history is copied."));
        var move = new Button("Move", event -> {
            confirm.close();
            run(hosting::save);
        });
        move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.getFooter().add(new Button("Cancel", event -> confirm.close()), move);
        confirm.open();
    }

    private void run(Function<Request, ComponentStatus> action) {
        FieldErrors.clear(fields);
        try {
            StatusLine.show(result, action.apply(request()));
            show(hosting.current());
        } catch (ValidationException refusal) {
            FieldErrors.show(refusal, fields);
        } catch (GitException | GiteaException | dev.plate.base.UnavailableException failure) {
            StatusLine.show(result, new ComponentStatus("Git", State.DOWN, failure.getMessage()));
        }
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
    }
}
