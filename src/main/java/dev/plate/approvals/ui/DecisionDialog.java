package dev.plate.approvals.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import dev.plate.approvals.DeploymentRequests;
import dev.plate.approvals.RequestView;
import dev.plate.base.ValidationException;
import dev.plate.base.ui.Notifications;

/**
 * One request, to decide: the exact change as it was previewed when asked for, the decisions so far, a comment, and
 * Approve or Reject (for those who may). The approval that completes the count commits the change, and says so.
 */
class DecisionDialog extends Dialog {

    private final TextArea comment = new TextArea("Comment");

    DecisionDialog(DeploymentRequests requests, RequestView request, Runnable onDecided) {
        setHeaderTitle("Request #" + request.id() + ": " + request.title());
        setWidth("min(100%, 46rem)");
        var about = new Paragraph("Asked by " + request.requestedBy() + ". It needs " + request.required()
                + (request.required() == 1 ? " approval" : " approvals") + " and has " + request.approvals() + ". "
                + "Approved, exactly this change is committed; if " + request.environment() + " changes before, "
                + "the request goes stale and must be asked for again.");
        about.addClassName("plate-muted");
        add(about);
        request.decisions().forEach(decision -> add(new Paragraph((decision.approved() ? "✓ " : "✗ ")
                + decision.username() + (decision.comment().isEmpty() ? "" : ": " + decision.comment()))));
        var preview = new PreviewPanel();
        preview.show(request.preview());
        add(preview);
        var close = new Button("Close", event -> close());
        if (!request.mayDecide()) {
            getFooter().add(close);
            return;
        }
        comment.setId("request-comment");
        comment.setWidthFull();
        comment.setHelperText("The person who asked reads it; required to reject.");
        comment.setMaxLength(1000);
        add(comment);
        var reject = new Button("Reject", event -> decide(() -> requests.reject(request.id(), comment.getValue()),
                onDecided));
        reject.setId("request-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        var approve = new Button("Approve", event -> decide(() -> requests.approve(request.id(), comment.getValue()),
                onDecided));
        approve.setId("request-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close, reject, approve);
    }

    private void decide(java.util.function.Supplier<RequestView> decision, Runnable onDecided) {
        comment.setInvalid(false);
        RequestView after;
        try {
            after = decision.get();
        } catch (ValidationException refused) {
            if ("comment".equals(refused.field())) {
                comment.setErrorMessage(refused.getMessage());
                comment.setInvalid(true);
                return;
            }
            Notifications.error(refused.getMessage());
            close();
            onDecided.run();
            return;
        } catch (RuntimeException refused) {
            Notifications.error(refused.getMessage());
            return;
        }
        String id = "Request #" + after.id();
        switch (after.state()) {
            case COMMITTED -> Notifications.success(id + " approved and committed as deployment #"
                    + after.deploymentId().orElseThrow());
            case PENDING -> Notifications.success(id + " approved: " + after.approvals() + " of " + after.required()
                    + " approvals");
            case STALE -> Notifications.error(id + " is stale: " + after.reason().orElse(""));
            default -> Notifications.success(id + " is " + after.state().word());
        }
        close();
        onDecided.run();
    }
}
