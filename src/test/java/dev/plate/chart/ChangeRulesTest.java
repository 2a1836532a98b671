package dev.plate.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.base.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rules newer than some stored configurations: what a change sets must satisfy them, what was stored before stays
 * readable and deployable.
 */
class ChangeRulesTest {

    static final ProjectChart PROJECT = new ProjectChart("web", "ghcr.io/acme/web", 8080, List.of());

    /** Autoscaling off with a minimum above the maximum, and an env value holding NEL: accepted before this check. */
    static final AppConfig STORED = with(AppConfig.initial("1.0.0", "/"), new AppConfig.Autoscaling(false, 5, 3, 500),
            Map.of("GREETING", "a\u0085b"), Map.of("note", "a\0"));

    @Test
    void a_stored_configuration_the_newer_rules_would_refuse_is_still_read_and_deployed() {
        assertThat(AppConfigRules.validate(PROJECT, STORED)).isSameAs(STORED);
        var deployed = STORED.withImageTag("1.1.0");

        assertThat(ChangeRules.validate(PROJECT, STORED, deployed)).isSameAs(deployed);
    }

    @Test
    void what_a_change_sets_is_checked_by_the_newer_rules() {
        var cpu = with(STORED, new AppConfig.Autoscaling(false, 1, 3, 500), STORED.env(), STORED.annotations());
        assertThatThrownBy(() -> ChangeRules.validate(PROJECT, STORED, cpu)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("autoscaling.targetCpuPercent"));

        var env = with(STORED, STORED.autoscaling(), Map.of("GREETING", "a\u0085b", "OTHER", "x\u0085"),
                STORED.annotations());
        assertThatThrownBy(() -> ChangeRules.validate(PROJECT, STORED, env)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "Env OTHER must not contain NUL or NEL (U+0085) characters."));

        var annotation = with(STORED, STORED.autoscaling(), STORED.env(), Map.of("note", "a\0", "other", "\0"));
        assertThatThrownBy(() -> ChangeRules.validate(PROJECT, STORED, annotation)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("annotations.other"));

        var fixed = with(STORED, new AppConfig.Autoscaling(false, 2, 4, 80), STORED.env(), STORED.annotations());
        assertThat(ChangeRules.validate(PROJECT, STORED, fixed)).as("the way out: set them right").isSameAs(fixed);
    }

    private static AppConfig with(AppConfig c, AppConfig.Autoscaling scaling, Map<String, String> env,
            Map<String, String> annotations) {
        return new AppConfig(c.imageTag(), c.replicas(), env, c.secretEnv(), c.secretRefs(), c.resources(),
                c.ingress(), c.probes(), scaling, c.labels(), annotations);
    }
}
