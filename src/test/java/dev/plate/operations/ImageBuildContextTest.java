package dev.plate.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.support.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's build, without Docker (none runs here): only the paths the Dockerfile's build stage copies, the same
 * Maven package, the same extraction and the same AOT training run. A path the Dockerfile forgets to copy (the chart
 * skeleton once) fails here, not in an operator's {@code docker build}. Then the image's start: the packaged jar from
 * its AOT cache, in Spring's ahead-of-time mode (ADR 0015), which no other test runs, on PostgreSQL: it signs in,
 * imports a project and reads it back through the API.
 */
class ImageBuildContextTest {

    static final Path DOCKERFILE = Path.of("Dockerfile");

    @TempDir
    Path context;

    @Test
    void the_build_stage_builds_extracts_and_trains_from_only_what_it_copies() throws Exception {
        var lines = Files.readAllLines(DOCKERFILE);
        assertThat(PackagedBuild.copiedSources(lines)).as("the build stage's COPY sources").contains("pom.xml", "src");
        String runs = String.join("\n", PackagedBuild.buildStage(lines));
        assertThat(runs).as("the image records its own cache, not the build account's java -jar cache")
                .contains("./mvnw -B -q package -DskipTests -Dplate.start-cache.skip");
        Path jar = PackagedBuild.jar(); // built from only those sources
        Path app = context.resolve("app");
        run(context, java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", app.toString());
        Files.move(app.resolve(jar.getFileName()), app.resolve("plate.jar"));

        String training = String.join("\n", lines).replace("\\\n", " ");
        assertThat(training).contains("-XX:AOTCacheOutput=/app/plate.aot",
                "-jar plate.jar --plate.start-cache.training=true --server.port=0");
        var train = new ProcessBuilder(java(), "-XX:AOTCacheOutput=" + app.resolve("plate.aot"), "-XX:+UseSerialGC",
                "-jar", "plate.jar", "--plate.start-cache.training=true", "--server.port=0").directory(app.toFile())
                .redirectErrorStream(true)
                .redirectOutput(context.resolve("train.log").toFile());
        train.environment().put("PLATE_DATA_DIR", context.resolve("train").toString());
        var process = train.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(context.resolve("train.log"))).isZero();
        assertThat(app.resolve("plate.aot")).as("the AOT cache the image starts from").isNotEmptyFile();
        assertThat(String.join("\n", lines)).as("the image's entrypoint uses that cache")
                .contains("ENTRYPOINT [\"java\", \"-XX:AOTCache=/app/plate.aot\"")
                .as("the image compiles with C1 only by default, as the chart does (ADR 0022)")
                .contains("JAVA_TOOL_OPTIONS=\"-XX:MaxRAMPercentage=60 -XX:TieredStopAtLevel=1\"");
        assertThat(Files.readString(context.resolve("train.log"))).as("the training ran the ahead-of-time definitions")
                .contains("Starting AOT-processed PlateApplication")
                .as("a whole start, to its first answers").contains("Training start: health UP and the login page "
                        + "served");

        startsFromTheCacheAndServes(app, entrypoint(lines));
    }

    /** The ENTRYPOINT's exec form, run from the application's directory (its paths are under /app in the image). */
    private static List<String> entrypoint(List<String> dockerfile) {
        String line = dockerfile.stream().filter(l -> l.startsWith("ENTRYPOINT [")).reduce((a, b) -> b).orElseThrow();
        var command = new ArrayList<String>();
        var word = Pattern.compile("\"([^\"]*)\"").matcher(line);
        while (word.find()) {
            command.add(word.group(1).replace("/app/", ""));
        }
        assertThat(command.getFirst()).isEqualTo("java");
        command.set(0, java());
        return command;
    }

    /**
     * The entrypoint's command on a fresh data directory and a fresh PostgreSQL database, as a container with a 512 MiB
     * memory limit and the chart's {@code JAVA_TOOL_OPTIONS} runs it: health UP, then an API sign-in, an import and a
     * read. The JVM sizes its first heap from the limit (1/64 of it, 8 MB here), and an AOT cache's archived objects
     * do not fit in that: the image refused to start below a 1 GiB limit until the entrypoint gave a first heap.
     */
    private void startsFromTheCacheAndServes(Path app, List<String> entrypoint) throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = context.resolve("run.log");
        var start = new ProcessBuilder(entrypoint).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // What the JVM sees in a container limited to 512 MiB, and the chart's options (PlateChartTest checks those).
        // -XX:AOTMode=on: the JVM fails rather than start without the cache (with C1 only, too).
        start.environment().put("JAVA_TOOL_OPTIONS", "-XX:MaxRAM=512m -XX:MaxRAMPercentage=60 "
                + "-XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1 -XX:AOTMode=on");
        start.environment().put("PLATE_DATA_DIR", context.resolve("data").toString());
        // On PostgreSQL, as in production (the training above ran on the embedded H2 default).
        start.environment().put("SPRING_DATASOURCE_URL", TestPostgres.jdbcUrl("imageaot"));
        start.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
        start.environment().put("SPRING_DATASOURCE_PASSWORD", "postgres");
        start.environment().put("SERVER_PORT", String.valueOf(port));
        start.environment().put("PLATE_ADMIN_PASSWORD", "image-admin-password");
        // Single sign-on from the environment: its beans are wired unconditionally and read their settings at run
        // time, which is what the ahead-of-time start needs (docs/adr/0015-ahead-of-time-start.md).
        var provider = new no.nav.security.mock.oauth2.MockOAuth2Server();
        provider.start();
        start.environment().put("PLATE_OIDC_ISSUER_URL", provider.issuerUrl("aot").toString());
        start.environment().put("PLATE_OIDC_CLIENT_ID", "plate");
        start.environment().put("PLATE_OIDC_CLIENT_SECRET", "aot-secret");
        start.environment().put("PLATE_OIDC_GROUP_ROLES", "aot-devs=DEVELOPER");
        start.environment().put("PLATE_OIDC_DEFAULT_ROLE", "NONE");
        var plate = start.start();
        try {
            String base = "http://localhost:" + port;
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            while (!up(http, base)) {
                assertThat(plate.isAlive()).as(tail(Files.readString(log))).isTrue();
                assertThat(System.nanoTime()).as("health UP within 4 minutes:\n" + tail(Files.readString(log)))
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
            assertThat(Files.readString(log)).contains("Starting AOT-processed PlateApplication",
                    "Added connection org.postgresql.jdbc.PgConnection");

            var login = http.send(json(base + "/api/v1/login", "{\"username\":\"admin\",\"password\":"
                    + "\"image-admin-password\"}").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            var token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(login.body());
            assertThat(token.find()).as(login.body()).isTrue();
            String bearer = "Bearer " + token.group(1);

            var imported = http.send(json(base + "/api/v1/projects", "{\"name\":\"aot-check\",\"imageRepository\":"
                    + "\"ghcr.io/acme/aot-check\",\"imageTag\":\"1.0.0\"}").header("Authorization", bearer).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
            var read = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/projects/aot-check"))
                    .header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(read.body()).contains("\"name\":\"aot-check\"", "ghcr.io/acme/aot-check");
            var page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);

            provider.enqueueCallback(new no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback("aot",
                    "aot-subject", "JWT", null, java.util.Map.of("preferred_username", "aot-sso", "groups",
                            List.of("aot-devs")), 3600));
            var browser = new dev.plate.support.HttpSession();
            var toProvider = browser.get(base + "/oauth2/authorization/oidc");
            assertThat(toProvider.headers().firstValue("Location").orElse("")).startsWith(provider.issuerUrl("aot")
                    + "/authorize");
            var back = browser.get(browser.get(toProvider.headers().firstValue("Location").orElseThrow()).headers()
                    .firstValue("Location").orElseThrow());
            assertThat(back.headers().firstValue("Location")).as(tail(Files.readString(log))).hasValue(base + "/");
            var users = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/users")).header("Authorization",
                    bearer).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(users.body()).contains("\"username\":\"aot-sso\"").contains("DEVELOPER");
        } finally {
            provider.shutdown();
            plate.destroy();
            if (!plate.waitFor(30, TimeUnit.SECONDS)) {
                plate.destroyForcibly();
            }
        }
    }

    private static boolean up(HttpClient http, String base) throws InterruptedException {
        try {
            var health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static HttpRequest.Builder json(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String java() {
        return PackagedBuild.java();
    }

    private static void run(Path dir, String... command) throws Exception {
        PackagedBuild.run(dir, command);
    }

    private static String tail(String text) {
        return PackagedBuild.tail(text);
    }
}
