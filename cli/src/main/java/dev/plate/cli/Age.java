package dev.plate.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * How long ago, as kubectl says it (AGE, LAST SEEN): 45s, 5m30s, 42m, 3h15m, 20h, 3d4h, 30d. Precise while it is
 * recent, coarser as it gets older, at most two units wide.
 */
final class Age {

    private Age() {}

    /** The age of an ISO-8601 instant from the API, or null (a dash in a table) when there is none. */
    static String since(Object instant, Instant now) {
        if (instant == null) {
            return null;
        }
        try {
            return of(Duration.between(Instant.parse(instant.toString()), now));
        } catch (DateTimeParseException e) {
            return instant.toString();
        }
    }

    static String of(Duration age) {
        long seconds = Math.max(0, age.toSeconds()); // another clock a little ahead is "just now"
        long minutes = seconds / 60;
        long hours = minutes / 60;
        long days = hours / 24;
        if (seconds < 120) {
            return seconds + "s";
        } else if (minutes < 10) {
            return two(minutes, "m", seconds % 60, "s");
        } else if (hours < 3) {
            return minutes + "m";
        } else if (hours < 8) {
            return two(hours, "h", minutes % 60, "m");
        } else if (hours < 48) {
            return hours + "h";
        } else if (days < 8) {
            return two(days, "d", hours % 24, "h");
        }
        return days + "d";
    }

    private static String two(long big, String bigUnit, long small, String smallUnit) {
        return big + bigUnit + (small == 0 ? "" : small + smallUnit);
    }
}
