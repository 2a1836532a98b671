package dev.plate.cli;

import java.time.Duration;
import java.util.Map;

/**
 * {@code --wait} through an approval: a deploy, promote or rollback in an environment whose changes wait for
 * approvals answers with a request; this follows it until it is committed (then the deployment is waited for as any
 * other) or ends otherwise (rejected, expired, stale, withdrawn), which fails the command.
 */
final class RequestWaiter {

    private final Api api;
    private final Terminal terminal;
    private final Duration timeout;

    RequestWaiter(Api api, Terminal terminal, Duration timeout) {
        this.api = api;
        this.terminal = terminal;
        this.timeout = timeout;
    }

    /** Whether an answer is a request rather than a deployment. */
    static boolean isRequest(Map<String, Object> answer) {
        return answer != null && answer.containsKey("required") && answer.containsKey("mayDecide");
    }

    /** "Request #12: deploy web to prod waits for 2 approvals (0 so far). Approvers: plate approve 12". */
    static String describe(Map<String, Object> request) {
        return "Request #" + request.get("id") + ": " + ApiCommand.text(request.get("kind")).toLowerCase(
                java.util.Locale.ROOT) + " " + request.get("project") + " " + request.get("description") + " waits for "
                + request.get("required") + " approval" + ("1".equals(String.valueOf(request.get("required"))) ? "" : "s")
                + " (" + request.get("approvals") + " so far); nothing is committed until then. Approvers: plate "
                + "approve " + request.get("id");
    }

    /** The deployment the request became, once committed. */
    Map<String, Object> await(Map<String, Object> request) {
        long id = ((Number) request.get("id")).longValue();
        long start = System.nanoTime();
        var current = request;
        Object lastApprovals = null;
        while (true) {
            String state = ApiCommand.text(current.get("state"));
            if ("COMMITTED".equals(state)) {
                terminal.err().println("Request #" + id + " approved and committed as deployment #"
                        + current.get("deployment") + ".");
                return api.getObject("/deployments/" + current.get("deployment"));
            }
            if (!"PENDING".equals(state)) {
                throw new CliException(ExitCode.DEPLOYMENT_FAILED, "Request #" + id + " was " + state.toLowerCase(
                        java.util.Locale.ROOT) + (current.get("reason") == null ? "" : ": " + current.get("reason"))
                        + " Nothing was committed.");
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (elapsed.compareTo(timeout) > 0) {
                throw new CliException(ExitCode.DEPLOYMENT_FAILED, "Request #" + id + " is still waiting for approvals "
                        + "after " + Waiter.seconds(elapsed) + " (--timeout); it stays open: plate requests");
            }
            if (!String.valueOf(current.get("approvals")).equals(String.valueOf(lastApprovals))) {
                terminal.err().println("waiting for approvals of request #" + id + ": " + current.get("approvals")
                        + " of " + current.get("required"));
                lastApprovals = current.get("approvals");
            }
            Waiter.sleep();
            current = api.getObject("/requests/" + id);
        }
    }
}
