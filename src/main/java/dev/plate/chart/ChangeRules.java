package dev.plate.chart;

import dev.plate.base.ValidationException;
import java.util.Map;
import java.util.Objects;

/**
 * Rules added after configurations were already stored under looser ones, applied to what a change sets: a stored value
 * they would refuse stays readable and deployable (and can be changed), instead of locking its environment, and of
 * stopping a recovery from Git, until someone edits the repository by hand. {@link AppConfigRules} is what every
 * configuration, stored or new, must satisfy.
 */
public final class ChangeRules {

    private ChangeRules() {}

    /** {@code after} by every rule; by these also, where it differs from {@code before}. */
    public static AppConfig validate(ProjectChart project, AppConfig before, AppConfig after) {
        AppConfigRules.validate(project, after);
        if (!Objects.equals(before.autoscaling(), after.autoscaling())) {
            // Checked while off too: refused when set, not when someone switches autoscaling on and is told of
            // values they never typed.
            AppConfigRules.scaling(after.autoscaling());
        }
        changed(before.env(), after.env()).forEach((name, value) -> text("env." + name, "Env " + name, value));
        changed(before.annotations(), after.annotations()).forEach((key, value) -> text("annotations." + key,
                "Annotation " + key, value));
        after.addons().forEach((addon, settings) -> {
            var was = before.addons().get(addon);
            changed(was == null ? Map.of() : was.values(), settings.values()).forEach((path, value) -> text("addons."
                    + addon + ".values." + path, "The value", value));
        });
        if (!Objects.equals(before.worker().command(), after.worker().command())) {
            after.worker().command().forEach(part -> text("worker.command", "The worker's command", part));
        }
        return after;
    }

    /**
     * Free text reaches the cluster as typed, but for two characters: Kubernetes refuses NUL, and NEL (U+0085)
     * arrives as a space (Helm's YAML takes it for a line break: {@code helm template} of "a\Nb" renders 'a b').
     */
    private static void text(String field, String what, String value) {
        if (value.indexOf('\0') >= 0 || value.indexOf('\u0085') >= 0) {
            throw new ValidationException(field, what + " must not contain NUL or NEL (U+0085) characters.");
        }
    }

    private static Map<String, String> changed(Map<String, String> before, Map<String, String> after) {
        var changed = new java.util.LinkedHashMap<String, String>();
        after.forEach((key, value) -> {
            if (value != null && !value.equals(before.get(key))) {
                changed.put(key, value);
            }
        });
        return changed;
    }
}
