package dev.plate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plate logs} reads the server's Server-Sent Events as they come: lines (prefixed with their pod when pods
 * are merged), notes of skipped lines, and the end, which may carry a problem.
 */
class LogsTest {

    static final String LOGS = "/api/v1/projects/shop/environments/dev/logs";
    static final String END = "event: end\ndata: {}\n\n";

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

    static String line(String pod, String content) {
        return "data: {\"pod\":\"" + pod + "\",\"at\":\"2025-05-01T10:00:00Z\",\"content\":\"" + content + "\"}\n\n";
    }

    @Test
    void lines_of_merged_pods_start_with_their_pod() {
        plate.streams(LOGS, out -> out.send(line("shop-a", "started") + line("shop-b", "listening on 8080") + END));

        var run = plate.run("logs", "shop", "-e", "dev");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("[shop-a] started\n[shop-b] listening on 8080\n");
        assertThat(plate.requests).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo(LOGS);
            assertThat(r.query()).isNull();
        });
    }

    @Test
    void one_pods_lines_have_no_prefix_and_timestamps_come_first_when_asked() {
        plate.streams(LOGS, out -> out.send(line("shop-a", "started") + END));

        var run = plate.run("logs", "shop", "dev", "--pod", "shop-a", "--timestamps");

        assertThat(run.out()).isEqualTo("2025-05-01T10:00:00Z started\n");
        assertThat(plate.requests.get(0).query()).isEqualTo("pod=shop-a");
    }

    @Test
    void the_flags_reach_the_server_as_query_parameters() {
        plate.streams(LOGS, out -> out.send(END));

        plate.run("logs", "shop", "-e", "dev", "-p", "--since", "10m", "--tail", "5", "-c", "app", "--grep",
                "panic: x&y");
        plate.run("logs", "shop", "-e", "dev", "-f", "--tail", "-1");

        assertThat(plate.requests).extracting(FakePlate.Request::query).containsExactly(
                "container=app&previous=true&since=10m&tail=5&filter=panic%3A%20x%26y", "follow=true");
    }

    /** Data over several lines is one event; comments, ids and events of a newer server are passed over. */
    @Test
    void the_event_stream_is_read_as_the_standard_defines_it() {
        plate.streams(LOGS, out -> out.send(": keep-alive\n\n"
                + "id: 7\ndata: {\"pod\":\"shop-a\",\r\ndata: \"at\":\"2025-05-01T10:00:00Z\",\"content\":\"one\"}\n\n"
                + "event: skipped\ndata: {\"lines\":12}\n\n"
                + ": keep-alive\n\n"
                + "event: something-new\ndata: {}\n\n"
                + "data:{\"pod\":\"shop-a\",\"at\":\"2025-05-01T10:00:01Z\",\"content\":\"two\"}\n\n"
                + END));

        var run = plate.run("logs", "shop", "-e", "dev");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("[shop-a] one\n[shop-a] two\n");
        assertThat(run.err()).isEqualTo("! 12 lines skipped: the pods wrote faster than this command read (--pod or "
                + "--grep narrow it)\n");
    }

    @Test
    void an_end_with_a_problem_is_an_error_after_the_lines_read() {
        plate.streams(LOGS, out -> out.send(line("shop-a", "one") + "event: end\ndata: {\"problem\":\"The log "
                + "stream from Argo CD at https://argocd.example.com broke: reset.\"}\n\n"));

        var run = plate.run("logs", "shop", "-e", "dev", "-f");

        assertThat(run.exit()).isEqualTo(ExitCode.ERROR);
        assertThat(run.out()).isEqualTo("[shop-a] one\n");
        assertThat(run.err()).isEqualTo("error: The log stream from Argo CD at https://argocd.example.com broke: "
                + "reset.\n");
    }

    @Test
    void a_stream_cut_before_its_end_is_an_error() {
        plate.streams(LOGS, out -> out.send(line("shop-a", "one")));

        var run = plate.run("logs", "shop", "-e", "dev", "-f");

        assertThat(run.exit()).isEqualTo(ExitCode.ERROR);
        assertThat(run.out()).isEqualTo("[shop-a] one\n");
        assertThat(run.err()).startsWith("error: Plate's log stream was cut before its end");
    }

    /** The server sends the second line only once the first is on the screen: it is printed as it comes. */
    @Test
    void a_followed_line_is_printed_while_the_stream_stays_open() {
        var firstOnScreen = new AtomicBoolean();
        plate.streams(LOGS, out -> {
            out.send(": keep-alive\n\n" + line("shop-a", "first"));
            firstOnScreen.set(plate.printed("[shop-a] first\n"));
            out.send(line("shop-a", "second") + END);
        });

        var run = plate.run("logs", "shop", "-e", "dev", "--follow");

        assertThat(firstOnScreen).as("the first line printed before the stream went on").isTrue();
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("[shop-a] first\n[shop-a] second\n");
        assertThat(plate.requests.get(0).query()).isEqualTo("follow=true");
    }

    @Test
    void a_role_that_may_not_read_logs_is_told_so() {
        plate.answers(403, "{\"status\":403,\"detail\":\"Your role does not allow reading logs of shop.\"}");

        var run = plate.run("logs", "shop", "-e", "dev");

        assertThat(run.exit()).isEqualTo(ExitCode.AUTH);
        assertThat(run.err()).isEqualTo("error: Your role does not allow reading logs of shop.\n");
    }

    @Test
    void argo_cds_api_server_not_configured_is_said_with_what_to_configure() {
        plate.answers(503, "{\"status\":503,\"detail\":\"Argo CD's API server is not configured: an admin sets it "
                + "in Admin → Integrations.\"}");

        var run = plate.run("logs", "shop", "-e", "dev", "-f");

        assertThat(run.exit()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).isEqualTo("error: Argo CD's API server is not configured: an admin sets it in Admin "
                + "→ Integrations.\n");
    }

    /** The server's messages about since and tail do not name them: the flag is said first. */
    @Test
    void a_refused_flag_is_named_as_typed() {
        plate.answers(400, "{\"status\":400,\"field\":\"tail\",\"detail\":\"Give between 1 and 10000 lines.\"}");
        var tail = plate.run("logs", "shop", "-e", "dev", "--tail", "0");
        plate.answers(400, "{\"status\":400,\"field\":\"since\",\"detail\":\"'5x' is not a time window: write e.g. "
                + "30s, 10m, 2h or 1d.\"}");
        var since = plate.run("logs", "shop", "-e", "dev", "--since", "5x");
        plate.answers(400, "{\"status\":400,\"field\":\"filter\",\"detail\":\"Search for at most 200 characters on "
                + "one line.\"}");
        var grep = plate.run("logs", "shop", "-e", "dev", "--grep", "x");

        assertThat(tail.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(tail.err()).isEqualTo("error: --tail: Give between 1 and 10000 lines.\n");
        assertThat(since.err()).isEqualTo("error: --since: '5x' is not a time window: write e.g. 30s, 10m, 2h or "
                + "1d.\n");
        assertThat(grep.err()).isEqualTo("error: --grep: Search for at most 200 characters on one line.\n");
    }
}
