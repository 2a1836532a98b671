package dev.plate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployment that failed or timed out says why: the evidence Plate gathered from the cluster, printed after the
 * failure line by {@code --wait}, and its first finding under {@code plate status}.
 */
class FailureEvidenceTest {

    static final String EVIDENCE = """
            {"gatheredAt":"2025-05-01T10:00:00Z",\
            "findings":["Pod shop-7d9 ImagePullBackOff: manifest for ghcr.io/acme/shop:9.9.9 not found",\
            "Warning BackOff on Pod shop-7d9: Back-off pulling image"],\
            "logLines":["shop-7d9 (previous): panic: boom"],\
            "problem":"Argo CD's API server answered slowly: events may be missing."}""";

    @TempDir
    Path config;

    FakePlate plate;

    @BeforeEach
    void start() throws IOException {
        plate = new FakePlate(config);
    }

    @AfterEach
    void stop() {
        plate.close();
    }

    static String deployment(String state, String evidence) {
        return "{\"id\":8,\"project\":\"shop\",\"environment\":\"dev\",\"state\":\"" + state + "\",\"outcome\":"
                + "\"Degraded: ImagePullBackOff\",\"argoCd\":\"LIVE\",\"summary\":\"image 9.9.9\",\"commit\":"
                + "\"0123456789\",\"evidence\":" + evidence + "}";
    }

    @Test
    void deploy_wait_prints_the_evidence_after_the_failure_line_once_it_arrives() {
        plate.answers("/api/v1/deploy", deployment("FAILED", "null"));
        plate.answers("/api/v1/deployments/8", deployment("FAILED", "null"), deployment("FAILED", EVIDENCE));

        var run = plate.run("deploy", "shop", "dev", "--image", "9.9.9", "--wait");

        assertThat(run.exit()).isEqualTo(ExitCode.DEPLOYMENT_FAILED);
        assertThat(run.err()).isEqualTo("""
                error: Deployment #8 to dev failed: Degraded: ImagePullBackOff
                Why it failed:
                  Pod shop-7d9 ImagePullBackOff: manifest for ghcr.io/acme/shop:9.9.9 not found
                  Warning BackOff on Pod shop-7d9: Back-off pulling image
                Last log lines:
                  shop-7d9 (previous): panic: boom
                Argo CD's API server answered slowly: events may be missing.
                """);
        assertThat(plate.requests).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "POST /api/v1/deploy", "GET /api/v1/deployments/8", "GET /api/v1/deployments/8");
    }

    @Test
    void evidence_already_there_is_printed_without_asking_again() {
        plate.answers("/api/v1/rollback", deployment("TIMED_OUT", "{\"gatheredAt\":\"2025-05-01T10:00:00Z\","
                + "\"findings\":[\"Pod shop-7d9 Pending: 0/3 nodes have enough memory\"],\"logLines\":[],"
                + "\"problem\":\"\"}"));

        var run = plate.run("rollback", "shop", "dev", "--wait");

        assertThat(run.exit()).isEqualTo(ExitCode.DEPLOYMENT_FAILED);
        assertThat(run.err()).isEqualTo("""
                error: Deployment #8 to dev timed out in Argo CD: Degraded: ImagePullBackOff
                Why it failed:
                  Pod shop-7d9 Pending: 0/3 nodes have enough memory
                """);
        assertThat(plate.requests).hasSize(1);
    }

    @Test
    void status_prints_the_first_finding_of_a_failed_environment_under_its_table() {
        plate.answers("/api/v1/projects/shop", """
                {"name":"shop","environments":[\
                {"name":"dev","imageTag":"9.9.9","lastDeployment":8,"state":"FAILED","sync":"Synced","health":"Degraded"},\
                {"name":"prod","imageTag":"1.0.0","lastDeployment":5,"state":"SUCCEEDED","sync":"Synced","health":"Healthy"}]}""");
        plate.answers("/api/v1/deployments/8", deployment("FAILED", EVIDENCE));

        var run = plate.run("status", "shop");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).endsWith("Healthy   -\nWhy #8 failed in dev: Pod shop-7d9 ImagePullBackOff: manifest for "
                + "ghcr.io/acme/shop:9.9.9 not found\n");
        assertThat(plate.requests).extracting(FakePlate.Request::path).containsExactly("/api/v1/projects/shop",
                "/api/v1/deployments/8");
    }

    @Test
    void status_as_json_is_only_the_apis_data() {
        plate.answers("/api/v1/projects/shop", """
                {"name":"shop","environments":[{"name":"dev","lastDeployment":8,"state":"FAILED"}]}""");

        var run = plate.run("status", "shop", "-o", "json");

        assertThat(run.out()).doesNotContain("Why");
        assertThat(plate.requests).hasSize(1);
    }
}
