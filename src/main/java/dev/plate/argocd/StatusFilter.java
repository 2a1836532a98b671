package dev.plate.argocd;

import dev.plate.base.ValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The states people filter projects by, in the Projects grid and in {@code GET /api/v1/projects?status=}: a project
 * matches when at least one of its Applications is in that state (as Argo CD last reported it).
 */
public enum StatusFilter {
    ANY("Any status", status -> true),
    HEALTHY("Healthy", status -> "Healthy".equals(status.health())),
    PROGRESSING("Progressing", status -> "Progressing".equals(status.health())),
    DEGRADED("Degraded", ApplicationStatus::degraded),
    OUT_OF_SYNC("Out of sync", status -> "OutOfSync".equals(status.sync())),
    MISSING("Missing or unknown", status -> "Missing".equals(status.health()) || "Unknown".equals(status.health())),
    SUSPENDED("Suspended", status -> "Suspended".equals(status.health()));

    private final String label;
    private final Predicate<ApplicationStatus> test;

    StatusFilter(String label, Predicate<ApplicationStatus> test) {
        this.label = label;
        this.test = test;
    }

    public String label() {
        return label;
    }

    /** The word an API client sends: {@code healthy}, {@code out-of-sync}, … */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The names of the projects with an Application in this state, in name order (ANY: empty, meaning no filter). */
    public java.util.Optional<List<String>> projects(ApplicationStatuses statuses) {
        if (this == ANY) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(statuses.all().stream().filter(test).map(ApplicationStatus::project).distinct()
                .sorted().toList());
    }

    /** A client's word as a filter; a word that is none is refused with the words there are. */
    public static StatusFilter parse(String field, String value) {
        return Arrays.stream(values()).filter(filter -> filter.parameter().equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> new ValidationException(field, "status '" + value.replaceAll("\\p{Cntrl}", "?")
                        + "' is none of " + Arrays.stream(values()).filter(filter -> filter != ANY)
                        .map(StatusFilter::parameter)
                        .collect(Collectors.joining(", ")) + "."));
    }
}
