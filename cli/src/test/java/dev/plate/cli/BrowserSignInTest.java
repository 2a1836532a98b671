package dev.plate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The loopback receiver of {@code plate login --sso}: the browser that brings the code must always get its page, even
 * though the login stops the receiver the moment it has the code (an empty answer reads as a failed sign-in).
 */
class BrowserSignInTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @RepeatedTest(20)
    void the_browser_gets_its_page_although_the_login_stops_the_receiver_at_once() throws Exception {
        var receiver = new BrowserSignIn();
        var login = CompletableFuture.supplyAsync(() -> {
            try (receiver) {
                return receiver.awaitCode();
            }
        });

        var answer = http.send(HttpRequest.newBuilder(callback(receiver, "code=abc")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Signed in: you can close this tab");
        assertThat(login.get()).isEqualTo("abc");
    }

    @Test
    void an_answer_for_another_login_is_refused_and_the_login_goes_on_waiting() throws Exception {
        try (var receiver = new BrowserSignIn()) {
            String url = receiver.approvalUrl("http://plate.example");
            var port = url.replaceAll(".*port=(\\d+).*", "$1");
            var answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/callback?state=someone-else&code=abc")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.body()).contains("not for this plate login");
            var cancelled = http.send(HttpRequest.newBuilder(callback(receiver, "error=access_denied")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(cancelled.body()).contains("Sign-in cancelled");
            assertThat(org.assertj.core.api.Assertions.catchThrowable(receiver::awaitCode))
                    .isInstanceOf(CliException.class).hasMessageContaining("cancelled in the browser");
        }
    }

    private static URI callback(BrowserSignIn receiver, String outcome) {
        String url = receiver.approvalUrl("http://plate.example");
        String port = url.replaceAll(".*port=(\\d+).*", "$1");
        String state = url.replaceAll(".*state=([^&]+).*", "$1");
        return URI.create("http://127.0.0.1:" + port + "/callback?state=" + state + "&" + outcome);
    }
}
