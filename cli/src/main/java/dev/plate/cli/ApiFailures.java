package dev.plate.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * What went wrong talking to Plate, as the one line a person reads and the exit code a script reads: the
 * server's RFC 9457 {@code detail} when there is one (the field it refuses said as the command's flag, see
 * {@link FlagNames}), otherwise what the status or the network failure means.
 */
final class ApiFailures {

    private final String baseUrl;
    private final FlagNames flagNames;

    ApiFailures(String baseUrl, FlagNames flagNames) {
        this.baseUrl = baseUrl;
        this.flagNames = flagNames;
    }

    /** An answer of status 400 or more, with its body. */
    CliException of(int status, String contentType, String text) {
        String detail = null;
        String type = "";
        if (contentType.contains("json")) {
            try {
                Object problem = JSON.std.anyFrom(text);
                String field = problem instanceof Map<?, ?> map && map.get("field") instanceof String f ? f : null;
                if (problem instanceof Map<?, ?> map && map.get("detail") instanceof String d && !d.isBlank()) {
                    detail = flagNames.inDetail(field, d);
                }
                if (problem instanceof Map<?, ?> map && map.get("type") instanceof String t) {
                    type = t;
                }
            } catch (IOException | RuntimeException e) {
                // fall through: not a problem document
            }
        }
        if (detail == null && status != 401) {
            return status >= 500 ? new CliException(ExitCode.ERROR, "Plate at " + baseUrl + " failed (HTTP " + status
                    + "); its log has the details.") : notPlate(status);
        }
        return switch (status) {
            case 400, 413, 415, 422 -> new CliException(ExitCode.USAGE, detail);
            case 401 -> new CliException(ExitCode.AUTH, detail == null ? "Plate refused the login: run `plate login`."
                    : detail);
            case 403, 429 -> new CliException(ExitCode.AUTH, detail); // 429: too many failed sign-ins
            case 404 -> new CliException(ExitCode.NOT_FOUND, detail);
            // 7 only for a name already taken: other conflicts (outside edits, a retry refused) are errors.
            case 409 -> new CliException(type.equals(Api.ALREADY_EXISTS) ? ExitCode.CONFLICT : ExitCode.ERROR, detail);
            default -> new CliException(ExitCode.ERROR, detail);
        };
    }

    CliException notPlate(int status) {
        return new CliException(ExitCode.ERROR, "The server at " + baseUrl + " answered something that is not "
                + "Plate's API (HTTP " + status + "): is this Plate's address?");
    }

    CliException unreachable(IOException e) {
        return new CliException(ExitCode.UNREACHABLE, "Cannot reach Plate at " + baseUrl + " (" + reason(e) + ").");
    }

    static String reason(IOException e) {
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return "connection refused";
        } else if (e instanceof SocketTimeoutException) {
            return "no answer in time";
        } else if (e instanceof SSLException) {
            return "TLS failed: " + e.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
