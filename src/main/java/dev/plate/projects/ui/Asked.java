package dev.plate.projects.ui;

import com.vaadin.flow.component.html.Paragraph;
import dev.plate.approvals.DeploymentRequests;
import dev.plate.environment.EnvironmentSummary;
import java.util.function.Supplier;

/** What the change dialogs say about an environment whose changes wait for approvals, and about the request made. */
final class Asked {

    private Asked() {}

    /** The notification: the commit's, or the request's when the change waits for approvals. */
    static String outcome(DeploymentRequests.Outcome outcome, Supplier<String> committed) {
        return outcome.request().map(request -> "Asked for approval: request #" + request.id() + " waits for "
                + request.required() + (request.required() == 1 ? " approval" : " approvals") + ". Nothing is "
                + "committed until then.").orElseGet(committed);
    }

    /** Said before the change, in a dialog about an environment that waits for approvals. */
    static Paragraph warning(EnvironmentSummary env) {
        var warning = new Paragraph("Changes to " + env.name() + " wait for " + env.approvals().describe() + ": this "
                + "asks for one. The approvers see exactly the change below, and it is committed once approved.");
        warning.addClassName("plate-warning");
        warning.addClassName("plate-approval-needed");
        return warning;
    }

    /** "Deploy to prod", or "Request deployment to prod". */
    static String label(EnvironmentSummary env, String action, String request) {
        return env.approvals().applies() ? request : action;
    }
}
