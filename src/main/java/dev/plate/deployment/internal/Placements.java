package dev.plate.deployment.internal;

import dev.plate.argocd.ApplicationManifests;
import dev.plate.base.ValidationException;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.project.ProjectSummary;
import java.util.HashMap;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Where a project lands in an environment: an Argo CD Application named {@code <project>-<env>} and a
 * namespace from the environment's pattern. Both must be valid and the Application names unique, or one
 * project could overwrite another's Application (web in eu-prod and web-eu in prod are both web-eu-prod).
 */
final class Placements {

    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private Placements() {}

    /**
     * @param isNew which project or environment pairs are being added; only problems involving them are
     *     reported, naming {@code field}
     */
    static void check(List<ProjectSummary> projects, List<EnvironmentSummary> environments,
            Predicate<Pair> isNew, String field) {
        var owners = new HashMap<String, Pair>();
        for (var project : projects) {
            for (var env : environments) {
                var pair = new Pair(project, env);
                String namespace = env.namespaceFor(project.name());
                if (isNew.test(pair) && !NAMESPACE.matcher(namespace).matches()) {
                    throw new ValidationException(field, "Project " + project.name() + " in " + env.name()
                            + " would deploy to namespace '" + namespace + "', which is not a valid namespace "
                            + "(at most 63 characters). Choose a shorter name.");
                }
                String application = ApplicationManifests.applicationName(project.name(), env.name());
                var other = owners.putIfAbsent(application, pair);
                if (other != null && (isNew.test(pair) || isNew.test(other))) {
                    var fresh = isNew.test(pair) ? pair : other;
                    var existing = fresh == pair ? other : pair;
                    throw new ValidationException(field, "Project " + fresh.project().name() + " in "
                            + fresh.env().name() + " would get the Argo CD Application '" + application
                            + "', which already belongs to project " + existing.project().name() + " in "
                            + existing.env().name() + ". Choose another name.");
                }
            }
        }
    }

    record Pair(ProjectSummary project, EnvironmentSummary env) {}
}
