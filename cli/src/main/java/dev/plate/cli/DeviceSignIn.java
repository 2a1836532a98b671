package dev.plate.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code plate login --device}: for a machine without a browser. Plate gives a short code to show and a secret to
 * poll with (RFC 8628); the person types the code into Plate on any device where they are signed in, and the poll
 * that follows the approval brings the login token.
 */
final class DeviceSignIn {

    private final Api api;
    private final String address;

    DeviceSignIn(Api api, String address) {
        this.api = api;
        this.address = address;
    }

    /** The login answer ({@code token}, {@code username}, …), once approved. */
    Map<String, Object> await(PrintStream err) {
        Map<String, Object> started;
        try {
            started = api.post("/login/device", new LinkedHashMap<>());
        } catch (CliException e) {
            if (e.exitCode() == ExitCode.NOT_FOUND) {
                throw new CliException(ExitCode.ERROR, "This Plate has no device sign-in; use plate login --sso or a "
                        + "token (PLATE_TOKEN).");
            }
            throw e;
        }
        String code = String.valueOf(started.get("userCode"));
        String page = address + started.get("verificationPath");
        Instant expires = Instant.parse(String.valueOf(started.get("expiresAt")));
        err.println("To sign in, open this page in a browser where you are signed in to Plate (on any device):\n  "
                + page + "\nand enter the code\n\n    " + code + "\n\nor open " + page + "?code=" + code
                + "\nWaiting for the approval (the code lasts until " + expires + ")…");
        var poll = new LinkedHashMap<String, Object>();
        poll.put("deviceCode", started.get("deviceCode"));
        Duration interval = seconds(started.get("interval"));
        while (true) {
            sleep(interval);
            if (Instant.now().isAfter(expires)) {
                throw new CliException(ExitCode.AUTH, "Nobody approved the sign-in in time: run plate login --device "
                        + "again.");
            }
            Map<String, Object> answer;
            try {
                answer = api.post("/login/device/token", poll);
            } catch (CliException e) {
                if (e.exitCode() == ExitCode.UNREACHABLE) {
                    continue; // a blip in the network or a Plate restarting: the sign-in waits in its database
                }
                throw e.exitCode() == ExitCode.USAGE ? new CliException(ExitCode.AUTH, e.getMessage()) : e;
            }
            if (answer != null && answer.containsKey("token")) {
                return answer;
            }
            interval = seconds(answer == null ? null : answer.get("interval"));
        }
    }

    private static Duration seconds(Object value) {
        long seconds = value instanceof Number number ? number.longValue() : 5;
        return Duration.ofSeconds(Math.max(1, Math.min(seconds, 60)));
    }

    private static void sleep(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.ERROR, "Interrupted while waiting for the approval.");
        }
    }
}
