package dev.plate.gitops;

import dev.plate.base.UnavailableException;
import java.time.Duration;

/**
 * The config repository's server (Gitea) did not answer, or not in time: nothing was committed or pushed (the
 * local clone is where it was), and the same change works once it is back. The API answers 503.
 */
public class GitUnavailableException extends UnavailableException {

    public GitUnavailableException(String cloneUrl, Duration timeout, Throwable cause) {
        super("The config repository's server did not answer (" + cloneUrl + ", within " + timeout.toSeconds()
                + " s: " + firstLine(cause.getMessage()) + "). Nothing was changed. Check that Gitea is up and "
                + "reachable from Plate, then try again.", Duration.ofSeconds(30), cause);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
