package dev.plate.projects.ui;

import java.time.Duration;
import java.time.Instant;

/** "3 min ago", "5 h ago", "2 d ago": how old a change is, in the few characters a list has room for. */
final class Ages {

    private Ages() {}

    static String since(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 60) {
            return "just now";
        }
        if (seconds < 3_600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 86_400) {
            return seconds / 3_600 + " h ago";
        }
        return seconds / 86_400 + " d ago";
    }
}
