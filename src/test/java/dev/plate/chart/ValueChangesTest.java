package dev.plate.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.plate.base.OrderedYaml;
import dev.plate.base.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --set} / {@code --unset} on an environment's configuration, without Spring. */
class ValueChangesTest {

    /** A configuration with something in every map and every field away from its default. */
    static final AppConfig BUSY = new AppConfig("1.4.2", 4, Map.of("LOG_LEVEL", "debug", "REGION", "eu"),
            List.of(new AppConfig.SecretKeyRef("DB_PASSWORD", "db", "password")), List.of("shared-env"),
            new AppConfig.Resources("250m", "256Mi", "1", "512Mi"),
            new AppConfig.Ingress(true, "web.example.com", "web-tls", "nginx"),
            new AppConfig.Probes("/ready", false, false), new AppConfig.Autoscaling(true, 2, 8, 60),
            Map.of("team", "payments"), Map.of("owner", "ops"));

    static final AppConfig FRESH = AppConfig.initial("1.0.0", "/healthz");

    @Test
    void every_key_sets_its_own_field_and_nothing_else() {
        var set = new LinkedHashMap<String, String>();
        set.put("replicas", "3");
        set.put("env.FEATURE_X", "on");
        set.put("secretEnv.API_KEY", "vendor-api:key");
        set.put("secretRefs", "common, extra");
        set.put("resources.requests.cpu", "200m");
        set.put("resources.requests.memory", "192Mi");
        set.put("resources.limits.cpu", "2");
        set.put("resources.limits.memory", "1Gi");
        set.put("ingress.enabled", "true");
        set.put("ingress.host", "app.example.com");
        set.put("ingress.tlsSecret", "app-tls");
        set.put("ingress.className", "traefik");
        set.put("probes.path", "/livez");
        set.put("probes.readiness", "false");
        set.put("probes.liveness", "false");
        set.put("autoscaling.enabled", "true");
        set.put("autoscaling.minReplicas", "2");
        set.put("autoscaling.maxReplicas", "10");
        set.put("autoscaling.targetCPUPercent", "75");
        set.put("labels.tier", "frontend");
        set.put("annotations.example.com/contact", "team-web");

        var changed = ValueChanges.apply(FRESH, set, List.of());

        assertThat(changed).isEqualTo(new AppConfig("1.0.0", 3, Map.of("FEATURE_X", "on"),
                List.of(new AppConfig.SecretKeyRef("API_KEY", "vendor-api", "key")), List.of("common", "extra"),
                new AppConfig.Resources("200m", "192Mi", "2", "1Gi"),
                new AppConfig.Ingress(true, "app.example.com", "app-tls", "traefik"),
                new AppConfig.Probes("/livez", false, false), new AppConfig.Autoscaling(true, 2, 10, 75),
                Map.of("tier", "frontend"), Map.of("example.com/contact", "team-web")));
        assertThat(AppConfigRules.validate(changed)).isSameAs(changed);
    }

    @Test
    void setting_a_map_entry_keeps_the_other_entries_and_replaces_one_of_the_same_name() {
        var changed = ValueChanges.apply(BUSY, Map.of("env.LOG_LEVEL", "info", "env.NEW", "1",
                "secretEnv.DB_PASSWORD", "db-v2:pw", "labels.tier", "api"), List.of());

        assertThat(changed.env()).containsExactlyInAnyOrderEntriesOf(Map.of("LOG_LEVEL", "info", "REGION", "eu",
                "NEW", "1"));
        assertThat(changed.secretEnv()).containsExactly(new AppConfig.SecretKeyRef("DB_PASSWORD", "db-v2", "pw"));
        assertThat(changed.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("team", "payments", "tier", "api"));
        assertThat(changed.annotations()).isEqualTo(BUSY.annotations());
    }

    @Test
    void the_image_tag_and_the_current_configuration_are_left_as_they_were() {
        var before = new AppConfig(BUSY.imageTag(), BUSY.replicas(), BUSY.env(), BUSY.secretEnv(), BUSY.secretRefs(),
                BUSY.resources(), BUSY.ingress(), BUSY.probes(), BUSY.autoscaling(), BUSY.labels(), BUSY.annotations());

        var changed = ValueChanges.apply(BUSY, Map.of("replicas", "9", "env.X", "y"), List.of("labels.team"));

        assertThat(changed.imageTag()).isEqualTo("1.4.2");
        assertThat(BUSY).isEqualTo(before);
    }

    @Test
    void unset_removes_map_entries() {
        var changed = ValueChanges.apply(BUSY, Map.of(), List.of("env.LOG_LEVEL", "secretEnv.DB_PASSWORD",
                "labels.team", "annotations.owner"));

        assertThat(changed.env()).containsExactlyEntriesOf(Map.of("REGION", "eu"));
        assertThat(changed.secretEnv()).isEmpty();
        assertThat(changed.labels()).isEmpty();
        assertThat(changed.annotations()).isEmpty();
        assertThat(changed.replicas()).isEqualTo(4);
    }

    @Test
    void unset_returns_everything_else_to_the_default_of_a_fresh_import() {
        List<String> everything = List.of("replicas", "secretRefs", "resources.requests.cpu",
                "resources.requests.memory", "resources.limits.cpu", "resources.limits.memory", "ingress.enabled",
                "ingress.host", "ingress.tlsSecret", "ingress.className", "autoscaling.enabled",
                "autoscaling.minReplicas", "autoscaling.maxReplicas", "autoscaling.targetCPUPercent");

        var changed = ValueChanges.apply(BUSY, Map.of(), everything);

        assertThat(changed.replicas()).isEqualTo(1);
        assertThat(changed.secretRefs()).isEmpty();
        assertThat(changed.resources()).isEqualTo(new AppConfig.Resources("100m", "128Mi", "", ""));
        assertThat(changed.ingress()).isEqualTo(AppConfig.Ingress.DISABLED);
        assertThat(changed.autoscaling()).isEqualTo(AppConfig.Autoscaling.DISABLED);
        assertThat(changed.probes()).as("probes cannot be unset").isEqualTo(BUSY.probes());
    }

    @Test
    void unsetting_an_entry_that_is_not_there_is_refused() {
        var refusal = refusal(BUSY, Map.of(), List.of("env.NOT_THERE"));

        assertThat(refusal.field()).isEqualTo("unset.env.NOT_THERE");
        assertThat(refusal.getMessage()).isEqualTo("'env.NOT_THERE' is not set, so it cannot be unset.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"probes.path", "probes.readiness", "probes.liveness"})
    void probes_cannot_be_unset_and_the_message_says_what_to_do_instead(String key) {
        var refusal = refusal(BUSY, Map.of(), List.of(key));

        assertThat(refusal.field()).isEqualTo("unset." + key);
        assertThat(refusal.getMessage()).contains("probes.readiness=false");
    }

    @Test
    void an_unknown_key_is_refused_with_the_list_of_keys_that_can_be_set() {
        var refusal = refusal(FRESH, Map.of("replica", "3"), List.of());

        assertThat(refusal.field()).isEqualTo("set.replica");
        assertThat(refusal.getMessage()).startsWith("'replica' is not a value Plate can set.")
                .contains("Settable: ").doesNotContain("image tag");
        ValueChanges.KEYS.forEach(key -> assertThat(refusal.getMessage()).contains(key));
    }

    @Test
    void an_unknown_key_cannot_be_unset_either() {
        var refusal = refusal(FRESH, Map.of(), List.of("containerPort"));

        assertThat(refusal.field()).isEqualTo("unset.containerPort");
        assertThat(refusal.getMessage()).contains("Settable: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"imageTag", "image.tag", "image"})
    void setting_the_image_through_set_points_to_the_image_option(String key) {
        var refusal = refusal(FRESH, Map.of(key, "2.0.0"), List.of());

        assertThat(refusal.field()).isEqualTo("set." + key);
        assertThat(refusal.getMessage()).contains("The image tag has its own option (--image, or \"imageTag\" in the API).");
    }

    @ParameterizedTest(name = "replicas={0}")
    @ValueSource(strings = {"three", "3.5", "", "1e3", "99999999999", "0x10"})
    void replicas_must_be_a_whole_number(String value) {
        var refusal = refusal(FRESH, Map.of("replicas", value), List.of());

        assertThat(refusal.field()).isEqualTo("set.replicas");
        assertThat(refusal.getMessage()).isEqualTo("replicas must be a whole number, not '" + value + "'.");
    }

    @Test
    void whole_numbers_may_have_surrounding_blanks() {
        assertThat(ValueChanges.apply(FRESH, Map.of("replicas", " 3 "), List.of()).replicas()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"ingress.enabled, yes", "ingress.enabled, TRUE", "ingress.enabled, 1", "probes.readiness, on",
            "autoscaling.enabled, ''"})
    void switches_must_be_true_or_false(String key, String value) {
        var refusal = refusal(FRESH, Map.of(key, value), List.of());

        assertThat(refusal.field()).isEqualTo("set." + key);
        assertThat(refusal.getMessage()).isEqualTo(key + " must be true or false, not '" + value + "'.");
    }

    @ParameterizedTest(name = "secretEnv.DB_PASSWORD={0}")
    @ValueSource(strings = {"db-credentials", ":password", "db-credentials:", ""})
    void a_secret_reference_needs_a_secret_and_a_key(String value) {
        var refusal = refusal(FRESH, Map.of("secretEnv.DB_PASSWORD", value), List.of());

        assertThat(refusal.field()).isEqualTo("set.secretEnv.DB_PASSWORD");
        assertThat(refusal.getMessage()).contains("<secret>:<key>", "secretEnv.DB_PASSWORD=db-credentials:password");
    }

    @Test
    void a_secret_reference_splits_at_the_first_colon() {
        var changed = ValueChanges.apply(FRESH, Map.of("secretEnv.TOKEN", "vault:a:b"), List.of());

        assertThat(changed.secretEnv()).containsExactly(new AppConfig.SecretKeyRef("TOKEN", "vault", "a:b"));
    }

    @Test
    void a_key_both_set_and_unset_is_refused() {
        var refusal = refusal(BUSY, Map.of("env.LOG_LEVEL", "info"), List.of("env.LOG_LEVEL"));

        assertThat(refusal.field()).isEqualTo("unset.env.LOG_LEVEL");
        assertThat(refusal.getMessage()).isEqualTo("'env.LOG_LEVEL' is both set and unset; choose one.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"env.", "secretEnv.", "labels.", "annotations."})
    void a_map_key_needs_a_name_after_its_dot(String key) {
        var setRefusal = refusal(BUSY, Map.of(key, "x"), List.of());
        var unsetRefusal = refusal(BUSY, Map.of(), List.of(key));

        assertThat(setRefusal.field()).isEqualTo("set." + key);
        assertThat(setRefusal.getMessage()).startsWith("Name the entry after '" + key + "', e.g. " + key);
        assertThat(unsetRefusal.field()).isEqualTo("unset." + key);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{{ .Values.secret }}", "a: b", "# c", "line one\nline two", "- item", "&anchor *alias",
            "'quoted\"", "true", "0123", "null", "~", "${HOME}", "`id`"})
    void a_value_is_kept_literally_all_the_way_into_the_values_file(String value) {
        var changed = ValueChanges.apply(FRESH, Map.of("env.VALUE", value, "annotations.note", value), List.of());

        assertThat(changed.env()).containsEntry("VALUE", value);
        assertThat(changed.annotations()).containsEntry("note", value);
        var file = OrderedYaml.MAPPER.readTree(new ValuesWriter().write(new ProjectChart("web", "ghcr.io/acme/web",
                8080), changed));
        assertThat(file.path("env").path("VALUE").isString()).isTrue();
        assertThat(file.path("env").path("VALUE").asString()).isEqualTo(value);
        assertThat(file.path("extraAnnotations").path("note").asString()).isEqualTo(value);
    }

    @Test
    void a_change_without_a_value_is_refused() {
        var set = new LinkedHashMap<String, String>();
        set.put("replicas", null);

        var refusal = refusal(FRESH, set, List.of());

        assertThat(refusal.field()).isEqualTo("set");
        assertThat(refusal.getMessage()).isEqualTo("Each change needs a key and a value: KEY=VALUE.");
    }

    @Test
    void an_unset_without_a_key_is_refused_and_does_not_fail() {
        var refusal = refusal(FRESH, Map.of(), Arrays.asList((String) null));

        assertThat(refusal.field()).isEqualTo("unset");
        assertThat(refusal.getMessage()).contains("Name the value to unset");
    }

    @Test
    void more_than_two_hundred_changes_are_refused() {
        var set = new LinkedHashMap<String, String>();
        IntStream.range(0, 150).forEach(i -> set.put("env.V" + i, "x"));
        Collection<String> unset = new ArrayList<>();
        IntStream.range(0, 51).forEach(i -> unset.add("labels.l" + i));

        var refusal = refusal(FRESH, set, unset);

        assertThat(refusal.field()).isEqualTo("set");
        assertThat(refusal.getMessage()).isEqualTo("At most 200 changes fit in one deployment.");
    }

    @Test
    void a_key_with_control_characters_is_shown_printably_in_the_field() {
        var refusal = refusal(FRESH, Map.of("rep\nlicas", "3"), List.of());

        assertThat(refusal.field()).isEqualTo("set.rep?licas");
    }

    /** Values are taken as they come: the whole configuration is judged by AppConfigRules afterwards. */
    @Test
    void a_value_the_rules_refuse_is_left_for_the_rules_to_refuse() {
        var changed = ValueChanges.apply(FRESH, Map.of("env.1BAD", "x", "resources.limits.cpu", "lots"), List.of());

        var refusal = catchThrowableOfType(ValidationException.class, () -> AppConfigRules.validate(changed));
        assertThat(refusal).isNotNull();
        assertThat(refusal.field()).isEqualTo("env");
        assertThat(refusal.getMessage()).contains("'1BAD'", "not starting with a digit");
    }

    private static ValidationException refusal(AppConfig config, Map<String, String> set, Collection<String> unset) {
        var refusal = catchThrowableOfType(ValidationException.class, () -> ValueChanges.apply(config, set, unset));
        assertThat(refusal).as("refused").isNotNull();
        return refusal;
    }

    /** Every single value away from its default, each different from the others. */
    static final Map<String, String> EVERY_VALUE = orderedMap("replicas", "5", "secretRefs", "common, extra",
            "resources.requests.cpu", "200m", "resources.requests.memory", "192Mi", "resources.limits.cpu", "2",
            "resources.limits.memory", "1Gi", "ingress.enabled", "true", "ingress.host", "app.example.com",
            "ingress.tlsSecret", "app-tls", "ingress.className", "traefik", "probes.path", "/livez",
            "probes.readiness", "false", "probes.liveness", "false", "autoscaling.enabled", "true",
            "autoscaling.minReplicas", "2", "autoscaling.maxReplicas", "10", "autoscaling.targetCPUPercent", "75",
            "networkPolicy.enabled", "true", "networkPolicy.ingressNamespace", "traefik-system",
            "networkPolicy.allowFrom", "shop, billing", "externalSecrets.enabled", "true",
            "externalSecrets.store", "vault", "externalSecrets.keyPrefix", "apps/web", "worker.enabled", "true",
            "worker.command", "bin/worker --queue default", "worker.replicas", "3");

    /** The configuration form shows each value by its key and saves it through {@code --set}: the two agree. */
    @Test
    void each_single_value_reads_back_as_it_was_set() {
        var everything = ValueChanges.apply(FRESH, EVERY_VALUE, List.of());

        EVERY_VALUE.forEach((key, value) -> {
            assertThat(ValueChanges.valueOf(everything, key)).as(key).isEqualTo(value);
            assertThat(ValueChanges.valueOf(FRESH, key)).as("%s differs from a fresh configuration's", key)
                    .isNotEqualTo(value);
            assertThat(ValueChanges.apply(everything, Map.of(key, ValueChanges.valueOf(everything, key)), List.of()))
                    .as("setting %s to what it reads changes nothing", key).isEqualTo(everything);
        });
    }

    /** A refusal of the rules names the field a key sets: the form shows it next to that key's input. */
    @ParameterizedTest
    @CsvSource({"resources.requests.cpu, lots", "resources.limits.memory, much", "ingress.tlsSecret, Not A Name!",
            "autoscaling.targetCPUPercent, 0", "replicas, -1"})
    void the_rules_name_the_field_a_key_sets(String key, String bad) {
        var set = orderedMap("ingress.enabled", "true", "ingress.host", "app.example.com", "autoscaling.enabled",
                "true");
        set.put(key, bad);

        var refusal = catchThrowableOfType(ValidationException.class,
                () -> AppConfigRules.validate(ValueChanges.apply(FRESH, set, List.of())));

        assertThat(refusal).as(key).isNotNull();
        assertThat(refusal.field()).isEqualTo(ValueChanges.fieldOf(key));
    }

    private static LinkedHashMap<String, String> orderedMap(String... keysAndValues) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
