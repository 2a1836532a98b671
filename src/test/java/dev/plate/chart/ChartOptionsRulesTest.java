package dev.plate.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.base.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The optional chart features through --set keys, and what the rules refuse before anything is written. */
class ChartOptionsRulesTest {

    static final AppConfig BASE = AppConfig.initial("1.0.0", "/");

    @Test
    void set_keys_turn_each_option_on_and_unset_turns_it_off() {
        var on = ValueChanges.apply(BASE.withOptions(null, null, null), mapOf(
                "networkPolicy.enabled", "true", "networkPolicy.ingressNamespace", "traefik",
                "networkPolicy.allowFrom", "checkout, api", "secretRefs", "db", "externalSecrets.enabled", "true",
                "externalSecrets.store", "vault-backend", "externalSecrets.keyPrefix", "apps/web/",
                "worker.enabled", "true", "worker.command", "bundle exec  sidekiq", "worker.replicas", "2"), List.of());
        assertThat(AppConfigRules.validate(on).networkPolicy())
                .isEqualTo(new AppConfig.NetworkPolicy(true, "traefik", List.of("checkout", "api")));
        assertThat(on.externalSecrets()).isEqualTo(new AppConfig.ExternalSecrets(true, "vault-backend", "apps/web/"));
        assertThat(on.worker()).isEqualTo(new AppConfig.Worker(true, List.of("bundle", "exec", "sidekiq"), 2));

        var off = ValueChanges.apply(on, Map.of(), List.of("networkPolicy.enabled", "externalSecrets.enabled",
                "worker.enabled"));
        assertThat(off.networkPolicy().enabled()).isFalse();
        assertThat(off.externalSecrets().enabled()).isFalse();
        assertThat(off.worker().enabled()).isFalse();
    }

    @Test
    void the_rules_refuse_options_that_would_not_work() {
        refused(BASE.withOptions(null, null, new AppConfig.Worker(true, List.of(), 1)), "worker.command");
        refused(BASE.withOptions(null, null, new AppConfig.Worker(false, List.of("x"), 101)), "worker.replicas");
        refused(BASE.withOptions(null, new AppConfig.ExternalSecrets(true, "", ""), null), "externalSecrets.store");
        refused(BASE.withOptions(null, new AppConfig.ExternalSecrets(true, "vault", ""), null),
                "externalSecrets.enabled");
        refused(BASE.withOptions(null, new AppConfig.ExternalSecrets(false, "Not A Name", ""), null),
                "externalSecrets.store");
        refused(BASE.withOptions(new AppConfig.NetworkPolicy(true, "Ingress_NS", List.of()), null, null),
                "networkPolicy.ingressNamespace");
        refused(BASE.withOptions(new AppConfig.NetworkPolicy(true, "", List.of("../etc")), null, null),
                "networkPolicy.allowFrom");
    }

    @Test
    void extra_ports_are_named_numbered_once_and_not_the_apps_own() {
        var metrics = ValueChanges.apply(BASE, Map.of("ports.metrics", "9090"), List.of());
        assertThat(metrics.extraPorts()).containsEntry("metrics", 9090);
        assertThat(ValueChanges.apply(metrics, Map.of(), List.of("ports.metrics")).extraPorts()).isEmpty();
        refused(BASE.withExtraPorts(Map.of("HTTP-Admin", 9000)), "ports.HTTP-Admin");
        refused(BASE.withExtraPorts(Map.of("http", 9000)), "ports.http");
        refused(BASE.withExtraPorts(Map.of("a", 9000, "b", 9000)), "ports.b");
        refused(BASE.withExtraPorts(Map.of("metrics", 70000)), "ports.metrics");
        var project = new ProjectChart("web", "ghcr.io/acme/web", 8080);
        assertThatThrownBy(() -> AppConfigRules.validate(project, BASE.withExtraPorts(Map.of("admin", 8080))))
                .hasMessageContaining("the app's own port");
    }

    private static void refused(AppConfig config, String field) {
        assertThatThrownBy(() -> AppConfigRules.validate(config)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field));
    }

    private static Map<String, String> mapOf(String... pairs) {
        var map = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
