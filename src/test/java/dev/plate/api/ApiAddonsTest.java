package dev.plate.api;

import static dev.plate.api.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepoLayout;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import dev.plate.support.PlateTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Add-on charts through the API: declared at import (Chart.yaml's dependencies, off everywhere), turned on and
 * configured per environment with {@code set}; an undeclared add-on or a bad declaration changes nothing.
 */
@PlateTest
class ApiAddonsTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ConfigRepository repository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    static String token;
    Api api;

    @BeforeEach
    void aDeveloper() {
        api = new Api(port);
        if (token == null) {
            var developer = Api.newAccount(users, securityContext, "addons", Role.DEVELOPER);
            token = api.login(developer.username(), developer.password());
        }
    }

    @Test
    void an_addon_is_declared_at_import_and_turned_on_in_one_environment() {
        String name = "addons-" + UUID.randomUUID().toString().substring(0, 8);
        var imported = api.post("/api/v1/projects", token, """
                {"name": "%s", "imageRepository": "ghcr.io/acme/%s", "dependencies": [
                  {"name": "postgresql", "repository": "oci://registry-1.docker.io/bitnamicharts", "version": "16.4.0"}]}
                """.formatted(name, name));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(json(imported).at("/project/dependencies/0/name").asString()).isEqualTo("postgresql");
        JsonNode chart = yaml(RepoLayout.chartDir(name) + "/Chart.yaml");
        assertThat(chart.at("/dependencies/0/repository").asString()).isEqualTo("oci://registry-1.docker.io/bitnamicharts");
        assertThat(chart.at("/dependencies/0/condition").asString()).isEqualTo("postgresql.enabled");
        for (String env : List.of("dev", "staging", "prod")) {
            assertThat(yaml(RepoLayout.valuesFile(name, env)).at("/postgresql/enabled").asBoolean()).isFalse();
        }

        var deployed = api.post("/api/v1/deploy", token, Api.JSON.writeValueAsString(Map.of("project", name,
                "environment", "dev", "set", Map.of("addons.postgresql.enabled", "true",
                        "addons.postgresql.values.auth.database", "shop", "addons.postgresql.values.primary.persistence.size",
                        "8Gi"))));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);
        JsonNode dev = yaml(RepoLayout.valuesFile(name, "dev"));
        assertThat(dev.at("/postgresql/enabled").asBoolean()).isTrue();
        assertThat(dev.at("/postgresql/auth/database").asString()).isEqualTo("shop");
        assertThat(dev.at("/postgresql/primary/persistence/size").asString()).isEqualTo("8Gi");
        assertThat(yaml(RepoLayout.valuesFile(name, "staging")).at("/postgresql/enabled").asBoolean()).isFalse();

        String head = repository.head();
        var undeclared = api.post("/api/v1/deploy", token, Api.JSON.writeValueAsString(Map.of("project", name,
                "environment", "dev", "set", Map.of("addons.redis.enabled", "true"))));
        assertThat(undeclared.statusCode()).isEqualTo(400);
        assertThat(json(undeclared).path("detail").asString()).contains("'redis' is not an add-on of " + name);
        assertThat(repository.head()).isEqualTo(head);
    }

    /**
     * A value set below another value (a.c under a), with a sibling that sorts between them (a-b): refused with a 400
     * naming the path, never a 500, nothing committed; the siblings alone are applied.
     */
    @Test
    void a_value_below_another_value_is_refused_even_with_a_sibling_sorting_between_them() {
        String name = "addons-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/projects", token, """
                {"name": "%s", "imageRepository": "ghcr.io/acme/%s", "dependencies": [
                  {"name": "pg", "repository": "oci://registry-1.docker.io/bitnamicharts", "version": "16.4.0"}]}
                """.formatted(name, name)).statusCode()).isEqualTo(201);
        String head = repository.head();

        var refused = api.post("/api/v1/deploy", token, Api.JSON.writeValueAsString(Map.of("project", name,
                "environment", "dev", "set", Map.of("addons.pg.values.a", "x", "addons.pg.values.a-b", "y",
                        "addons.pg.values.a.c", "z"))));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).path("field").asString()).isEqualTo("addons.pg.values.a.c");
        assertThat(json(refused).path("detail").asString()).contains("'a' is set as a value, so 'a.c' cannot be set "
                + "below it");
        assertThat(repository.head()).isEqualTo(head);

        var siblings = api.post("/api/v1/deploy", token, Api.JSON.writeValueAsString(Map.of("project", name,
                "environment", "dev", "set", Map.of("addons.pg.values.a", "x", "addons.pg.values.a-b", "y"))));
        assertThat(siblings.statusCode()).as(siblings.body()).isEqualTo(201);
        JsonNode dev = yaml(RepoLayout.valuesFile(name, "dev"));
        assertThat(dev.at("/pg/a").asString()).isEqualTo("x");
        assertThat(dev.at("/pg/a-b").asString()).isEqualTo("y");
    }

    @Test
    void a_bad_declaration_is_refused_and_nothing_is_imported() {
        String name = "addons-" + UUID.randomUUID().toString().substring(0, 8);
        String head = repository.head();
        var refused = api.post("/api/v1/projects", token, """
                {"name": "%s", "imageRepository": "ghcr.io/acme/%s", "dependencies": [
                  {"name": "ingress", "repository": "https://charts.example.com", "version": "1.0.0"}]}
                """.formatted(name, name));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("field").asString()).isEqualTo("dependencies.ingress.name");
        assertThat(repository.head()).isEqualTo(head);
        assertThat(jdbc.queryForObject("select count(*) from project where name = ?", Integer.class, name)).isZero();
    }

    /** Helm refuses such a version at {@code helm dependency build}: Argo CD could render no environment. */
    @Test
    void a_version_helm_would_refuse_is_refused_at_import_and_nothing_is_imported() {
        String name = "addons-" + UUID.randomUUID().toString().substring(0, 8);
        String head = repository.head();
        var refused = api.post("/api/v1/projects", token, """
                {"name": "%s", "imageRepository": "ghcr.io/acme/%s", "dependencies": [
                  {"name": "pg", "repository": "oci://x/y", "version": "not-semver"}]}
                """.formatted(name, name));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).path("field").asString()).isEqualTo("dependencies.pg.version");
        assertThat(json(refused).path("detail").asString()).startsWith("Add-on pg's version 'not-semver' is not one "
                + "Helm accepts: give a chart version such as 16.4.0 or a range such as ^16.0.0");
        assertThat(repository.head()).isEqualTo(head);
        assertThat(jdbc.queryForObject("select count(*) from project where name = ?", Integer.class, name)).isZero();

        var range = api.post("/api/v1/projects", token, """
                {"name": "%s", "imageRepository": "ghcr.io/acme/%s", "dependencies": [
                  {"name": "pg", "repository": "oci://x/y", "version": ">=16.0.0 <17.0.0"}]}
                """.formatted(name, name));
        assertThat(range.statusCode()).as(range.body()).isEqualTo(201);
        assertThat(yaml(RepoLayout.chartDir(name) + "/Chart.yaml").at("/dependencies/0/version").asString())
                .isEqualTo(">=16.0.0 <17.0.0");
    }

    private JsonNode yaml(String path) {
        return YAMLMapper.builder().build().readTree(new String(repository.read(path).orElseThrow(),
                StandardCharsets.UTF_8));
    }
}
