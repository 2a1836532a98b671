package dev.plate.projects.ui;

import dev.plate.approvals.ui.PreviewPanel;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import dev.plate.base.NotFoundException;
import dev.plate.base.ValidationException;
import dev.plate.base.ui.Notifications;
import dev.plate.deployment.ChangePreview;
import org.springframework.security.access.AccessDeniedException;

/**
 * A dialog that shows what an action would commit before it is confirmed (promote, roll back). The preview is
 * drawn again whenever the choice changes; a refusal disables the action and says why; the dialog stays open
 * when the action itself is refused.
 */
abstract class PreviewedChangeDialog extends Dialog {

    protected final PreviewPanel panel = new PreviewPanel();
    private final Button action;
    private final Runnable onDone;

    PreviewedChangeDialog(String header, String actionLabel, Runnable onDone, ButtonVariant... variants) {
        this.onDone = onDone;
        setHeaderTitle(header);
        setWidth("min(100%, 46rem)");
        action = new Button(actionLabel, event -> act());
        action.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        action.addThemeVariants(variants);
        getFooter().add(new Button("Cancel", event -> close()), action);
    }

    /** What the action would commit now. */
    abstract ChangePreview preview();

    /** Does it; returns the notification to show. */
    abstract String commit();

    void refresh() {
        try {
            panel.show(preview());
            action.setEnabled(true);
        } catch (ValidationException | NotFoundException e) {
            panel.refusal(e.getMessage());
            action.setEnabled(false);
        }
    }

    private void act() {
        try {
            Notifications.success(commit());
            onDone.run();
            close();
        } catch (ValidationException | NotFoundException e) {
            Notifications.error(e.getMessage());
        } catch (AccessDeniedException e) {
            Notifications.error("You are not allowed to do this. Ask an administrator if you need to.");
        }
    }
}
