package dev.plate.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.plate.base.ValidationException;
import dev.plate.chart.AppConfig;
import dev.plate.chart.AppConfig.Autoscaling;
import dev.plate.chart.AppConfig.Ingress;
import dev.plate.chart.AppConfig.Probes;
import dev.plate.chart.AppConfig.Resources;
import dev.plate.chart.AppConfig.SecretKeyRef;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid and hostile input, through the same services the UI, API and CLI call: each is refused with a
 * message naming the field, and nothing is committed or stored.
 */
class HostileInputTest extends GitOpsTestBase {

    static final String TARGET = "hostile-target";

    @BeforeEach
    void aProjectToDeployTo() {
        signInAs("dana", Role.DEVELOPER);
        if (jdbc.queryForObject("select count(*) from project where name = ?", Long.class, TARGET) == 0) {
            deployments.importProject(new ImportRequest(project(TARGET), "1.0.0"));
        }
    }

    static Stream<Arguments> imports() {
        return Stream.of(
                imp("empty name", "name", p -> with(p, "", null, null, null, null)),
                imp("uppercase name", "name", p -> with(p, "Web-App", null, null, null, null)),
                imp("name starting with '-'", "name", p -> with(p, "-web", null, null, null, null)),
                imp("name ending with '-'", "name", p -> with(p, "web-", null, null, null, null)),
                imp("name starting with a digit", "name", p -> with(p, "1web", null, null, null, null)),
                imp("name with '_'", "name", p -> with(p, "web_app", null, null, null, null)),
                imp("name with '.'", "name", p -> with(p, "web.app", null, null, null, null)),
                imp("name of 54 characters", "name", p -> with(p, "a".repeat(54), null, null, null, null)),
                imp("name with a path", "name", p -> with(p, "../etc", null, null, null, null)),
                imp("name with a newline", "name", p -> with(p, "web\napp", null, null, null, null)),
                imp("name with Helm syntax", "name", p -> with(p, "{{.Values}}", null, null, null, null)),
                imp("image with uppercase path", "imageRepository", p -> with(p, null, "ghcr.io/Acme/Web", null, null, null)),
                imp("image with a tag", "imageRepository", p -> with(p, null, "ghcr.io/acme/web:1.0", null, null, null)),
                imp("image with a URL scheme", "imageRepository", p -> with(p, null, "https://ghcr.io/web", null, null, null)),
                imp("image with '//'", "imageRepository", p -> with(p, null, "ghcr.io//web", null, null, null)),
                imp("image with a space", "imageRepository", p -> with(p, null, "ghcr.io/a web", null, null, null)),
                imp("image with YAML", "imageRepository", p -> with(p, null, "x\nkind: Secret", null, null, null)),
                imp("port 0", "containerPort", p -> with(p, null, null, 0, null, null)),
                imp("port -1", "containerPort", p -> with(p, null, null, -1, null, null)),
                imp("port 65536", "containerPort", p -> with(p, null, null, 65536, null, null)),
                imp("health path without '/'", "healthPath", p -> with(p, null, null, null, "healthz", null)),
                imp("health path with a space", "healthPath", p -> with(p, null, null, null, "/health z", null)),
                imp("health path with a newline", "healthPath", p -> with(p, null, null, null, "/\nx: y", null)),
                imp("source URL that is not one", "sourceRepoUrl", p -> with(p, null, null, null, null, "not a url")),
                imp("source URL with credentials", "sourceRepoUrl",
                        p -> with(p, null, null, null, null, "https://user:token@github.com/a/b.git")),
                imp("source URL with a script scheme", "sourceRepoUrl", p -> with(p, null, null, null, null, "javascript:alert(1)")));
    }

    static Stream<Arguments> deploys() {
        return Stream.of(
                dep("empty tag", "imageTag", c -> c.withImageTag("")),
                dep("tag with a space", "imageTag", c -> c.withImageTag("1.0 beta")),
                dep("tag starting with '-'", "imageTag", c -> c.withImageTag("-rc")),
                dep("tag with ':'", "imageTag", c -> c.withImageTag("x:y")),
                dep("tag of 129 characters", "imageTag", c -> c.withImageTag("a".repeat(129))),
                dep("negative replicas", "replicas", c -> replicas(c, -1)),
                dep("101 replicas", "replicas", c -> replicas(c, 101)),
                dep("env name starting with a digit", "env", c -> env(c, Map.of("1ABC", "x"))),
                dep("env name with '-'", "env", c -> env(c, Map.of("A-B", "x"))),
                dep("env name with '='", "env", c -> env(c, Map.of("A=B", "x"))),
                dep("empty env name", "env", c -> env(c, Map.of("", "x"))),
                dep("env value with NUL", "env.BAD", c -> env(c, Map.of("BAD", "a\0b"))),
                dep("env value with NEL", "env.BAD", c -> env(c, Map.of("BAD", "a\u0085b"))),
                dep("annotation value with NUL", "annotations.x", c -> labels(c, Map.of(), Map.of("x", "a\0"))),
                dep("CPU quantity that is not one", "resources.cpuRequest", c -> resources(c, new Resources("lots", "1Gi", "", ""))),
                dep("memory quantity with 'GB'", "resources.memoryRequest", c -> resources(c, new Resources("1", "1GB", "", ""))),
                dep("negative CPU limit", "resources.cpuLimit", c -> resources(c, new Resources("1", "1Gi", "-1", ""))),
                dep("CPU request above its limit", "resources.cpuRequest", c -> resources(c, new Resources("2", "1Gi", "1500m", ""))),
                dep("memory request above its limit", "resources.memoryRequest",
                        c -> resources(c, new Resources("1", "1Gi", "", "512Mi"))),
                dep("ingress host in uppercase", "ingress.host", c -> ingress(c, new Ingress(true, "Example.com", "", ""))),
                dep("ingress host with a scheme", "ingress.host", c -> ingress(c, new Ingress(true, "http://x.com", "", ""))),
                dep("ingress host with a path", "ingress.host", c -> ingress(c, new Ingress(true, "x.com/path", "", ""))),
                dep("ingress host with '_'", "ingress.host", c -> ingress(c, new Ingress(true, "x_y.com", "", ""))),
                dep("TLS secret with uppercase", "ingress.tlsSecretName", c -> ingress(c, new Ingress(true, "x.com", "Bad_Secret", ""))),
                dep("secret reference to an invalid Secret", "secretEnv.secretName",
                        c -> secretEnv(c, new SecretKeyRef("DB", "Bad", "k"))),
                dep("secret key with '/'", "secretEnv.key", c -> secretEnv(c, new SecretKeyRef("DB", "db", "a/b"))),
                dep("label reserved by Kubernetes", "labels.app.kubernetes.io/name",
                        c -> labels(c, Map.of("app.kubernetes.io/name", "x"), Map.of())),
                dep("label key starting with '-'", "labels", c -> labels(c, Map.of("-bad", "x"), Map.of())),
                dep("label value of 64 characters", "labels.team", c -> labels(c, Map.of("team", "x".repeat(64)), Map.of())),
                dep("label value with a space", "labels.team", c -> labels(c, Map.of("team", "a b"), Map.of())),
                dep("annotation reserved by Helm", "annotations.helm.sh/hook",
                        c -> labels(c, Map.of(), Map.of("helm.sh/hook", "pre-install"))),
                dep("annotation key with a space", "annotations", c -> labels(c, Map.of(), Map.of("bad key", "x"))),
                dep("autoscaling minimum 0", "autoscaling.minReplicas", c -> scaling(c, new Autoscaling(true, 0, 3, 80))),
                dep("autoscaling maximum below minimum", "autoscaling.maxReplicas", c -> scaling(c, new Autoscaling(true, 5, 3, 80))),
                dep("autoscaling CPU 0%", "autoscaling.targetCpuPercent", c -> scaling(c, new Autoscaling(true, 1, 3, 0))),
                dep("autoscaling CPU 101%", "autoscaling.targetCpuPercent", c -> scaling(c, new Autoscaling(true, 1, 3, 101))),
                // Refused while autoscaling is off as well: not first when someone switches it on.
                dep("autoscaling off, CPU 500%", "autoscaling.targetCpuPercent", c -> scaling(c, new Autoscaling(false, 1, 3, 500))),
                dep("autoscaling off, minimum above maximum", "autoscaling.maxReplicas", c -> scaling(c, new Autoscaling(false, 10, 3, 80))),
                dep("probe path without '/'", "probes.path", c -> probes(c, new Probes("ready", true, true))));
    }

    @ParameterizedTest(name = "import: {0}")
    @MethodSource("imports")
    void a_bad_import_is_refused_naming_the_field_and_nothing_is_written(String what, String field,
            UnaryOperator<NewProject> change) {
        var before = snapshot();

        Throwable refusal = catchThrowable(() -> deployments.importProject(
                new ImportRequest(change.apply(project(uniqueName("h"))), "1.0.0")));

        assertRefused(refusal, field, before);
    }

    @ParameterizedTest(name = "deploy: {0}")
    @MethodSource("deploys")
    void a_bad_deploy_is_refused_naming_the_field_and_nothing_is_written(String what, String field,
            UnaryOperator<AppConfig> change) {
        AppConfig current = deployments.currentConfig(TARGET, "dev");
        var before = snapshot();

        Throwable refusal = catchThrowable(() -> deployments.deploy(new DeployRequest(TARGET, "dev",
                Optional.empty(), Optional.of(change.apply(current)))));

        assertRefused(refusal, field, before);
        assertThat(deployments.currentConfig(TARGET, "dev")).isEqualTo(current);
    }

    @ParameterizedTest(name = "initial tag {0}")
    @MethodSource("badTags")
    void a_bad_initial_image_tag_is_refused(String tag) {
        var before = snapshot();

        Throwable refusal = catchThrowable(() -> deployments.importProject(
                new ImportRequest(project(uniqueName("t")), tag)));

        assertRefused(refusal, "initialImageTag", before);
    }

    static Stream<String> badTags() {
        return Stream.of("", ".hidden", "{{ .Values }}", "1.0\n2.0");
    }

    record Snapshot(String head, long projects, long deployments, long configs) {}

    private Snapshot snapshot() {
        return new Snapshot(repository.head(), rows("project"), rows("deployment"), rows("app_config"));
    }

    private void assertRefused(Throwable refusal, String field, Snapshot before) {
        assertThat(refusal).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) refusal).field()).isEqualTo(field);
        assertThat(refusal.getMessage()).isNotBlank().doesNotContain("\n");
        assertThat(snapshot()).isEqualTo(before);
        try (var bare = bare()) {
            assertThat(bare.head()).isEqualTo(before.head());
        }
    }

    private static Arguments imp(String what, String field, UnaryOperator<NewProject> change) {
        return Arguments.of(what, field, change);
    }

    private static Arguments dep(String what, String field, UnaryOperator<AppConfig> change) {
        return Arguments.of(what, field, change);
    }

    private static NewProject with(NewProject p, String name, String image, Integer port, String health, String source) {
        return new NewProject(name != null ? name : p.name(), source != null ? source : p.sourceRepoUrl(),
                image != null ? image : p.imageRepository(), port != null ? port : p.containerPort(),
                health != null ? health : p.healthPath(), p.owners());
    }

    private static AppConfig replicas(AppConfig c, int replicas) {
        return new AppConfig(c.imageTag(), replicas, c.env(), c.secretEnv(), c.secretRefs(), c.resources(),
                c.ingress(), c.probes(), c.autoscaling(), c.labels(), c.annotations());
    }

    private static AppConfig env(AppConfig c, Map<String, String> env) {
        return new AppConfig(c.imageTag(), c.replicas(), env, c.secretEnv(), c.secretRefs(), c.resources(),
                c.ingress(), c.probes(), c.autoscaling(), c.labels(), c.annotations());
    }

    private static AppConfig resources(AppConfig c, Resources resources) {
        return new AppConfig(c.imageTag(), c.replicas(), c.env(), c.secretEnv(), c.secretRefs(), resources,
                c.ingress(), c.probes(), c.autoscaling(), c.labels(), c.annotations());
    }

    private static AppConfig ingress(AppConfig c, Ingress ingress) {
        return new AppConfig(c.imageTag(), c.replicas(), c.env(), c.secretEnv(), c.secretRefs(), c.resources(),
                ingress, c.probes(), c.autoscaling(), c.labels(), c.annotations());
    }

    private static AppConfig secretEnv(AppConfig c, SecretKeyRef ref) {
        return new AppConfig(c.imageTag(), c.replicas(), c.env(), List.of(ref), c.secretRefs(), c.resources(),
                c.ingress(), c.probes(), c.autoscaling(), c.labels(), c.annotations());
    }

    private static AppConfig labels(AppConfig c, Map<String, String> labels, Map<String, String> annotations) {
        return new AppConfig(c.imageTag(), c.replicas(), c.env(), c.secretEnv(), c.secretRefs(), c.resources(),
                c.ingress(), c.probes(), c.autoscaling(), labels, annotations);
    }

    private static AppConfig scaling(AppConfig c, Autoscaling autoscaling) {
        return new AppConfig(c.imageTag(), c.replicas(), c.env(), c.secretEnv(), c.secretRefs(), c.resources(),
                c.ingress(), c.probes(), autoscaling, c.labels(), c.annotations());
    }

    private static AppConfig probes(AppConfig c, Probes probes) {
        return new AppConfig(c.imageTag(), c.replicas(), c.env(), c.secretEnv(), c.secretRefs(), c.resources(),
                c.ingress(), probes, c.autoscaling(), c.labels(), c.annotations());
    }
}
