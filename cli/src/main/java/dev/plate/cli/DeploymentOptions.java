package dev.plate.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --wait} and {@code --timeout}, shared by deploy, promote and rollback. */
final class DeploymentOptions {

    @Option(names = "--wait", description = "wait until Argo CD reports the outcome; exit 5 unless it succeeded")
    boolean await;

    @Option(names = "--timeout", defaultValue = "15m", paramLabel = "DURATION",
            description = "how long --wait waits, e.g. 90s, 10m (default 15m)")
    String timeout;

    Duration timeout() {
        String value = timeout.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (value.matches("\\d+[smh]")) {
                long amount = Long.parseLong(value.substring(0, value.length() - 1));
                return switch (value.charAt(value.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            }
            return Duration.parse("PT" + value);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new CliException(ExitCode.USAGE, "--timeout takes a duration like 90s, 10m or 1h, not '" + timeout
                    + "'.");
        }
    }

    /** Prints what was committed and, when asked to wait, how it ended. */
    int report(ApiCommand command, Api api, Map<String, Object> answer, Output output) {
        var terminal = command.terminal();
        var deployment = answer;
        if (RequestWaiter.isRequest(answer)) {
            if (output.table()) {
                command.out().println(RequestWaiter.describe(answer));
            }
            if (!await) {
                if (!output.table()) {
                    output.data(command.out(), answer);
                }
                return ExitCode.AWAITING_APPROVAL;
            }
            deployment = new RequestWaiter(api, terminal, timeout()).await(answer);
        }
        if (output.table()) {
            command.out().println("Deployment #" + deployment.get("id") + " to " + deployment.get("environment") + ": "
                    + deployment.get("summary") + " (commit " + ApiCommand.shortCommit(deployment.get("commit")) + ")");
        }
        var result = deployment;
        if (await) {
            long start = System.nanoTime();
            result = new Waiter(api, terminal, timeout()).await(deployment);
            if (output.table() && "SUCCEEDED".equals(result.get("state"))) {
                command.out().println(terminal.green("✓") + " Succeeded: synced and healthy (after "
                        + Waiter.seconds(Duration.ofNanos(System.nanoTime() - start)) + ").");
            }
        }
        if (!output.table()) {
            output.data(command.out(), result);
        }
        return ExitCode.OK;
    }
}
