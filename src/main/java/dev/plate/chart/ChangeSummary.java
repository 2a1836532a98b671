package dev.plate.chart;

import java.util.ArrayList;
import java.util.Objects;

/** A short account of what a deployment changes, for commit messages and history: "image 1.4.1 → 1.4.2". */
public final class ChangeSummary {

    private ChangeSummary() {}

    public static String of(AppConfig before, AppConfig after) {
        var parts = new ArrayList<String>();
        if (!before.imageTag().equals(after.imageTag())) {
            parts.add("image " + after.imageTag());
        }
        if (before.replicas() != after.replicas()) {
            parts.add("replicas " + before.replicas() + " → " + after.replicas());
        }
        changed(parts, "env", before.env(), after.env());
        changed(parts, "secret references", before.secretEnv().toString() + before.secretRefs(),
                after.secretEnv().toString() + after.secretRefs());
        changed(parts, "resources", before.resources(), after.resources());
        changed(parts, "ingress", before.ingress(), after.ingress());
        changed(parts, "probes", before.probes(), after.probes());
        changed(parts, "autoscaling", before.autoscaling(), after.autoscaling());
        changed(parts, "labels", before.labels(), after.labels());
        changed(parts, "annotations", before.annotations(), after.annotations());
        changed(parts, "network policy", before.networkPolicy(), after.networkPolicy());
        changed(parts, "external secrets", before.externalSecrets(), after.externalSecrets());
        changed(parts, "worker", before.worker(), after.worker());
        changed(parts, "ports", before.extraPorts(), after.extraPorts());
        changed(parts, "add-ons", before.addons(), after.addons());
        // Derived by the chart, not set by anyone: said, so a replica change that also adds a budget is no surprise.
        boolean budgetBefore = AppConfigRules.disruptionBudget(before);
        if (budgetBefore != AppConfigRules.disruptionBudget(after)) {
            parts.add(budgetBefore ? "PodDisruptionBudget removed (fewer than 2 pods)"
                    : "PodDisruptionBudget added (2 or more pods)");
        }
        return String.join(", ", parts);
    }

    private static void changed(ArrayList<String> parts, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            parts.add(what + " changed");
        }
    }
}
