package dev.plate.argocd.internal;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Which applications a push to the config repository touched, from the paths in Gitea's push payload:
 * {@code applications/<app>/<env>/…} is one application in one environment, {@code charts/<app>/…} is the app in
 * every environment. Empty means "cannot tell" (no file lists, or a path outside the layout such as
 * {@code environments/}): then everything is refreshed.
 */
final class PushedApplications {

    /** Project and environment; a null environment means all of the project's environments. */
    record Touched(String project, String environment) {}

    private PushedApplications() {}

    static Optional<Set<Touched>> of(JsonNode payload) {
        JsonNode commits = payload.path("commits");
        if (!commits.isArray() || commits.isEmpty()) {
            return Optional.empty();
        }
        var touched = new LinkedHashSet<Touched>();
        for (JsonNode commit : commits) {
            for (String list : new String[] {"added", "removed", "modified"}) {
                JsonNode paths = commit.path(list);
                if (!paths.isArray()) {
                    return Optional.empty();
                }
                for (JsonNode path : paths) {
                    String[] parts = path.asString("").split("/");
                    if (parts.length >= 4 && parts[0].equals("applications")) {
                        touched.add(new Touched(parts[1], parts[2]));
                    } else if (parts.length >= 3 && parts[0].equals("charts")) {
                        touched.add(new Touched(parts[1], null));
                    } else if (!(parts.length == 1 && parts[0].equals("README.md"))) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.of(touched);
    }
}
