package dev.plate.gitea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.gitea.internal.GiteaClients;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Plate's Gitea client against a double that answers as Gitea's swagger says; every request it sent is
 * checked against swagger.v1.json.
 */
class GiteaClientTest {

    FakeGitea gitea;
    GiteaClient client = GiteaClients.create();
    GiteaConnection connection;

    @BeforeEach
    void start() throws Exception {
        gitea = new FakeGitea();
        connection = new GiteaConnection(gitea.url() + "/", "acme", FakeGitea.TOKEN, Duration.ofSeconds(2));
    }

    @AfterEach
    void everyRequestMatchesGiteasPublishedApi() {
        gitea.assertEveryRequestMatchesGiteasApi();
        gitea.close();
    }

    /** Guards the contract check itself against passing vacuously. */
    @Test
    void the_contract_check_catches_what_gitea_does_not_have() {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var swagger = new GiteaSwagger();

        assertThat(swagger.problems(new FakeGitea.Recorded("POST", "/api/v1/orgs/acme/repositories", null, null, 201,
                null))).containsExactly("POST /orgs/acme/repositories is not in Gitea's API");
        assertThat(swagger.problems(new FakeGitea.Recorded("POST", "/api/v1/orgs/acme/repos",
                null, json.readTree("{\"name\":\"x\",\"visibility\":\"private\"}"), 201, null)))
                .anyMatch(problem -> problem.contains("'visibility'"));
        assertThat(swagger.problems(new FakeGitea.Recorded("POST", "/api/v1/repos/acme/x/hooks", null,
                json.readTree("{\"type\":\"jenkins\",\"config\":{}}"), 201, null)))
                .anyMatch(problem -> problem.contains("is not one of"));
        assertThat(swagger.problems(new FakeGitea.Recorded("POST", "/api/v1/orgs/acme/repos", null,
                json.readTree("{\"private\":true}"), 201, null)))
                .anyMatch(problem -> problem.contains("lacks the required field name"));
    }

    @Test
    void test_connection_names_the_version_and_the_tokens_user() {
        var info = client.check(connection);

        assertThat(info.version()).isEqualTo("1.27.1");
        assertThat(info.user()).isEqualTo("plate-bot");
    }

    @Test
    void the_config_repository_is_created_once_private_and_empty_on_branch_main() {
        var first = client.ensureRepository(connection, "plate-config", "Plate's config repository");
        var second = client.ensureRepository(connection, "plate-config", "Plate's config repository");

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(first.fullName()).isEqualTo("acme/plate-config");
        assertThat(first.cloneUrl()).endsWith("/acme/plate-config.git");
        assertThat(gitea.repositories.get("acme/plate-config")).containsEntry("private", true)
                .containsEntry("default_branch", "main");
        assertThat(gitea.requests.stream().filter(r -> r.method().equals("POST"))).hasSize(1);
    }

    @Test
    void webhooks_are_added_once_each_however_often_import_runs() {
        client.ensureRepository(connection, "plate-config", "");
        for (int run = 0; run < 2; run++) {
            client.ensurePushWebhook(connection, "plate-config", "https://plate.example.com/api/v1/webhooks/gitea",
                    "plate-secret", "gitea");
            client.ensurePushWebhook(connection, "plate-config", "https://argocd.example.com/api/webhook",
                    "argo-secret", "gogs");
        }

        var hooks = gitea.hooks.get("acme/plate-config");
        assertThat(hooks).hasSize(2);
        assertThat(hooks).extracting(hook -> hook.get("type")).containsExactly("gitea", "gogs");
        var posted = gitea.requests.stream().filter(r -> r.path().endsWith("/hooks") && r.method().equals("POST")).toList();
        assertThat(posted).hasSize(2);
        assertThat(posted.getFirst().body().at("/config/secret").asString()).isEqualTo("plate-secret");
        assertThat(posted.getFirst().body().path("events").get(0).asString()).isEqualTo("push");
    }

    /** The statuses Gitea documents for creating a repository in an organisation, and its global ones. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET  | 401 | refused the access token",
        "POST | 400 | Gitea answered 400",
        "POST | 403 | Give it write access to organisation acme",
        "POST | 404 | Check the organisation 'acme' exists",
        "GET  | 500 | Gitea failed (500)",
        "POST | 503 | Gitea failed (503)"})
    void gitea_errors_become_messages_a_person_can_act_on(String method, int status, String expected) {
        gitea.failWith(method, status);

        assertThatThrownBy(() -> client.ensureRepository(connection, "plate-config", ""))
                .isInstanceOf(GiteaException.class).hasMessageContaining(expected)
                .satisfies(e -> assertThat(((GiteaException) e).status()).isEqualTo(status));
        assertThat(gitea.repositories).isEmpty();
    }

    @Test
    void a_wrong_token_is_refused_with_a_message_about_the_token() {
        var wrong = new GiteaConnection(gitea.url(), "acme", "not-the-token", Duration.ofSeconds(2));

        assertThatThrownBy(() -> client.check(wrong)).hasMessageContaining("refused the access token (401)")
                .hasMessageNotContaining("not-the-token");
    }

    @Test
    void a_gitea_that_does_not_answer_in_time_is_reported_as_such() {
        gitea.delay(1500);
        var impatient = new GiteaConnection(gitea.url(), "acme", FakeGitea.TOKEN, Duration.ofMillis(300));

        assertThatThrownBy(() -> client.check(impatient)).isInstanceOf(GiteaException.class)
                .hasMessageContaining("did not answer within");
        gitea.delay(0);
    }

    @Test
    void an_unreachable_gitea_is_reported_with_its_url() {
        var nowhere = new GiteaConnection("http://127.0.0.1:1", "acme", FakeGitea.TOKEN, Duration.ofSeconds(2));

        assertThatThrownBy(() -> client.check(nowhere)).isInstanceOf(GiteaException.class)
                .hasMessageContaining("Cannot reach Gitea at http://127.0.0.1:1");
    }
}
