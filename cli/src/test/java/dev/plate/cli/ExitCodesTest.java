package dev.plate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the CLI classifies failures: a server on loopback answers with the API's problem documents, and each run is
 * checked for its exit code, a single error line without a stack trace, and for which requests it sent.
 */
class ExitCodesTest {

    @TempDir
    Path config;

    HttpServer server;
    int status = 200;
    String contentType = "application/json";
    String body = "{}";
    final List<String> requests = new ArrayList<>();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int plate(String... args) {
        return plate(Map.of("PLATE_URL", "http://127.0.0.1:" + server.getAddress().getPort(), "PLATE_TOKEN",
                "plate_test"), args);
    }

    private int plate(Map<String, String> extraEnv, String... args) {
        var env = new HashMap<>(extraEnv);
        env.put("XDG_CONFIG_HOME", config.toString());
        var terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), env, false);
        return Plate.run(terminal, args);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({"400, 2", "413, 2", "401, 3", "403, 3", "429, 3", "404, 4", "409, 1", "500, 1"})
    void problemStatusesMapToExitCodes(int httpStatus, int exitCode) {
        status = httpStatus;
        contentType = "application/problem+json";
        body = "{\"status\":" + httpStatus + ",\"detail\":\"What went wrong, said for a person.\"}";
        assertThat(plate("projects")).isEqualTo(exitCode);
        assertThat(errors()).isEqualTo("error: What went wrong, said for a person.\n");
    }

    /** Only a name already taken exits 7: a script may treat it as "there already"; other conflicts are errors. */
    @Test
    void aNameAlreadyTakenHasAnExitCodeOfItsOwn() {
        status = 409;
        contentType = "application/problem+json";
        body = "{\"type\":\"urn:plate:problem:already-exists\",\"status\":409,\"detail\":\"A project named 'web' "
                + "already exists.\"}";
        assertThat(plate("projects")).isEqualTo(ExitCode.CONFLICT);
    }

    /** An approval of a request that went stale is recorded, but nothing is deployed: an error, not "already exists". */
    @Test
    void anApprovalThatCommitsNothingBecauseTheRequestWentStaleIsAnError() {
        body = "{\"id\":2,\"state\":\"STALE\",\"project\":\"web\",\"reason\":\"prod changed since the request: "
                + "nothing was committed; ask again.\"}";
        assertThat(plate("approve", "2", "-m", "ok")).isEqualTo(ExitCode.ERROR);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Approved, but prod changed since the request");
        assertThat(requests).singleElement().asString().startsWith("POST /api/v1/requests/2/approve");
    }

    @Test
    void aServerThatIsNotPlateIsNamedAsSuch() {
        contentType = "text/html";
        body = "<html>login</html>";
        assertThat(plate("projects")).isEqualTo(ExitCode.ERROR);
        assertThat(errors()).contains("not Plate's API").doesNotContain("Exception");
    }

    @Test
    void anUnreachableServerExitsSix() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertThat(plate(Map.of("PLATE_URL", "http://127.0.0.1:" + closedPort, "PLATE_TOKEN", "plate_x"), "projects"))
                .isEqualTo(ExitCode.UNREACHABLE);
        assertThat(errors()).startsWith("error: Cannot reach Plate at http://127.0.0.1:" + closedPort)
                .doesNotContain("\tat ");
    }

    @Test
    void withoutALoginNothingIsSent() {
        assertThat(plate(Map.of(), "status")).isEqualTo(ExitCode.AUTH);
        assertThat(errors()).contains("plate login");
        assertThat(requests).isEmpty();
    }

    @Test
    void badSetSyntaxAndMissingOptionsAreUsageErrorsBeforeAnyRequest() {
        assertThat(plate("deploy", "web", "--env", "dev", "--set", "replicas")).isEqualTo(ExitCode.USAGE);
        assertThat(plate("deploy", "web", "--env", "dev", "--set", "=3")).isEqualTo(ExitCode.USAGE);
        assertThat(plate("deploy", "web", "--env", "dev")).isEqualTo(ExitCode.USAGE);
        assertThat(plate("deploy", "web", "--image", "1.0")).isEqualTo(ExitCode.USAGE);
        assertThat(plate("deploy", "web", "-e", "dev", "-i", "1", "--wait", "--timeout", "soon"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(plate("status", "-o", "xml")).isEqualTo(ExitCode.USAGE);
        assertThat(plate("frobnicate")).isEqualTo(ExitCode.USAGE);
        assertThat(plate(Map.of(), "login", "ftp://plate.example.com", "-u", "ada", "--password-stdin"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(requests).isEmpty();
        assertThat(errors().lines()).allMatch(line -> line.startsWith("error: ") || line.startsWith("Try '"));
    }

    @Test
    void setValuesGoToTheApiLiterallyAsOneRequest() {
        status = 201;
        body = "{\"id\":7,\"environment\":\"dev\",\"summary\":\"replicas 1 → 3\",\"commit\":\"0123456789\"}";
        assertThat(plate("deploy", "web", "-e", "dev", "--set", "replicas=3", "--set", "env.GREETING=a=b: {{ x }}",
                "--unset", "env.OLD")).isEqualTo(ExitCode.OK);
        assertThat(requests).singleElement().asString().startsWith("POST /api/v1/deploy ")
                .contains("\"set\":{\"replicas\":\"3\",\"env.GREETING\":\"a=b: {{ x }}\"}")
                .contains("\"unset\":[\"env.OLD\"]").doesNotContain("imageTag");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Deployment #7 to dev: replicas 1 → 3 (commit 0123456)");
    }

    @Test
    void waitingEndsWithExitFiveWhenArgoCdReportsAFailure() {
        status = 200;
        body = "{\"id\":8,\"project\":\"web\",\"environment\":\"dev\",\"state\":\"FAILED\",\"outcome\":"
                + "\"ImagePullBackOff: image not found\",\"argoCd\":\"LIVE\"}";
        assertThat(plate("rollback", "web", "-e", "dev", "--wait")).isEqualTo(ExitCode.DEPLOYMENT_FAILED);
        assertThat(errors()).isEqualTo("error: Deployment #8 to dev failed: ImagePullBackOff: image not found\n");
    }

    @Test
    void completionPrintsABashScriptForEveryCommand() {
        assertThat(plate(Map.of(), "completion")).isEqualTo(ExitCode.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("complete -F").contains("deploy").contains("promote")
                .contains("resources").contains("events").contains("--follow").contains("--previous")
                .doesNotContain("__train");
    }
}
