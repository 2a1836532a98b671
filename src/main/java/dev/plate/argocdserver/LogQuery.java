package dev.plate.argocdserver;

import dev.plate.base.ValidationException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Which log lines to read, as {@code kubectl logs} takes them. Built through {@link #of}, which refuses what
 * Kubernetes would not accept, with the field named.
 *
 * @param pod one pod, or empty for every pod of the application, merged
 * @param container one container, or empty when the pods have one
 * @param follow keep streaming new lines
 * @param previous the previous (crashed) container's lines
 * @param since only lines of the last duration
 * @param tail only the last N lines of each pod
 * @param filter only lines containing this text (case-insensitive); a leading {@code !} inverts it
 */
public record LogQuery(Optional<String> pod, Optional<String> container, boolean follow, boolean previous,
        Optional<Duration> since, OptionalInt tail, Optional<String> filter) {

    public static final int MAX_TAIL = 10_000;
    public static final Duration MAX_SINCE = Duration.ofDays(30);
    private static final Pattern POD = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern CONTAINER = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    public static LogQuery of(String pod, String container, boolean follow, boolean previous, Duration since,
            Integer tail, String filter) {
        Optional<String> podName = present(pod);
        podName.filter(name -> !POD.matcher(name).matches()).ifPresent(name -> {
            throw new ValidationException("pod", "'" + name + "' is not a pod name: lower-case letters, digits, '-' "
                    + "and '.', at most 253 characters.");
        });
        Optional<String> containerName = present(container);
        containerName.filter(name -> !CONTAINER.matcher(name).matches()).ifPresent(name -> {
            throw new ValidationException("container", "'" + name + "' is not a container name: lower-case letters, "
                    + "digits and '-', at most 63 characters.");
        });
        if (since != null && (since.isNegative() || since.isZero() || since.compareTo(MAX_SINCE) > 0)) {
            throw new ValidationException("since", "Give a time window between 1 s and " + MAX_SINCE.toDays()
                    + " days, e.g. 10m or 2h.");
        }
        if (tail != null && (tail < 1 || tail > MAX_TAIL)) {
            throw new ValidationException("tail", "Give between 1 and " + MAX_TAIL + " lines.");
        }
        Optional<String> text = present(filter);
        text.filter(value -> value.length() > 200 || value.chars().anyMatch(Character::isISOControl))
                .ifPresent(value -> {
                    throw new ValidationException("filter", "Search for at most 200 characters on one line.");
                });
        if (follow && previous) {
            throw new ValidationException("previous", "A previous container has ended: its log cannot be followed. "
                    + "Read it without follow.");
        }
        return new LogQuery(podName, containerName, follow, previous, Optional.ofNullable(since),
                tail == null ? OptionalInt.empty() : OptionalInt.of(tail), text);
    }

    /** What identifies a shared follow stream: the same pods, container and search, whatever the history asked. */
    public LogQuery live() {
        return new LogQuery(pod, container, true, false, Optional.empty(), OptionalInt.empty(), filter);
    }

    /** Reads a duration as kubectl does: 30s, 10m, 2h, 1d (or ISO-8601, PT10M). */
    public static Duration duration(String text) {
        String value = text == null ? "" : text.strip();
        try {
            if (value.matches("\\d{1,7}[smhd]")) {
                long amount = Long.parseLong(value.substring(0, value.length() - 1));
                return switch (value.charAt(value.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            return Duration.parse(value);
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            throw new ValidationException("since", "'" + value + "' is not a time window: write e.g. 30s, 10m, 2h or "
                    + "1d.");
        }
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
