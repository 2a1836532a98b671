package dev.plate.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Configurations are kept as JSON: rows written before a field existed must still read, with it off. */
class AppConfigJsonTest {

    @Test
    void a_row_from_before_the_optional_features_reads_with_them_off() {
        String before = """
                {"imageTag":"1.2.3","replicas":2,"env":{"A":"b"},"secretEnv":[],"secretRefs":["s"],
                 "resources":{"cpuRequest":"100m","memoryRequest":"128Mi","cpuLimit":"","memoryLimit":"256Mi"},
                 "ingress":{"enabled":false,"host":"","tlsSecretName":"","className":""},
                 "probes":{"path":"/","readiness":true,"liveness":true},
                 "autoscaling":{"enabled":false,"minReplicas":1,"maxReplicas":3,"targetCpuPercent":80},
                 "labels":{},"annotations":{}}
                """;
        var config = AppConfigJson.read(before);
        assertThat(config.imageTag()).isEqualTo("1.2.3");
        assertThat(config.networkPolicy()).isEqualTo(AppConfig.NetworkPolicy.DISABLED);
        assertThat(config.externalSecrets()).isEqualTo(AppConfig.ExternalSecrets.DISABLED);
        assertThat(config.worker()).isEqualTo(AppConfig.Worker.DISABLED);
    }

    @Test
    void the_optional_features_survive_a_round_trip() {
        var config = AppConfig.initial("1.0.0", "/").withOptions(
                new AppConfig.NetworkPolicy(true, "traefik", List.of("api")),
                new AppConfig.ExternalSecrets(true, "vault", "apps/"),
                new AppConfig.Worker(true, List.of("node", "worker.js"), 3));
        assertThat(AppConfigJson.read(AppConfigJson.write(config))).isEqualTo(config);
    }
}
