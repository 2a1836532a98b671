package dev.plate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code plate import} does with what it cannot detect: asks on a terminal, takes the defaults with
 * {@code --yes}, and in a script requires the image repository and names every other guess on stderr.
 */
class ImportCommandTest {

    static final String IMPORTED = "{\"project\":{\"name\":\"shop\",\"environments\":[{\"name\":\"dev\"}]},"
            + "\"commit\":\"0123456789\",\"configRepository\":\"http://plate/config.git\",\"applications\":"
            + "[\"shop-dev\"],\"argoCd\":\"LIVE\"}";

    @TempDir
    Path dir;

    FakePlate plate;
    Path shop;

    @BeforeEach
    void start() throws IOException {
        plate = new FakePlate(Files.createDirectories(dir.resolve("config")));
        plate.answers(201, IMPORTED);
        shop = Files.createDirectories(dir.resolve("shop")); // no git remote, no Dockerfile
    }

    @AfterEach
    void stop() {
        plate.close();
    }

    @Test
    void a_script_importing_a_directory_that_names_no_image_repository_is_told_the_flag_and_nothing_is_sent() {
        var run = plate.run("import", shop.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("error: Cannot tell where shop's images are pushed (Plate guesses it only "
                + "from a GitHub or GitLab remote): give --image-repository, e.g. ghcr.io/acme/shop.\n");
        assertThat(run.out()).isEmpty();
        assertThat(plate.requests).isEmpty();
    }

    @Test
    void a_script_gets_the_default_port_and_health_path_each_said_on_stderr_and_marked_in_the_table() {
        var run = plate.run("import", shop.toString(), "--image-repository", "registry.example.com/shop");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("""
                ! No Dockerfile: assuming port 8080 (--port to set it)
                ! No Dockerfile: assuming health path / (--health-path to set it)
                """);
        assertThat(run.out()).containsPattern("container port +8080 +\\(guessed: Plate's default; --port to set it\\)")
                .containsPattern("health path +/ +\\(guessed: Plate's default; --health-path to set it\\)")
                .containsPattern("image repository +registry.example.com/shop +\\(given\\)")
                .contains("Imported shop");
        var sent = plate.requests.get(0).json();
        assertThat(sent).containsEntry("imageRepository", "registry.example.com/shop")
                .containsEntry("containerPort", 8080).containsEntry("healthPath", "/");
    }

    @Test
    void a_dockerfile_without_expose_or_healthcheck_is_named_as_the_reason() throws IOException {
        Files.writeString(shop.resolve("Dockerfile"), "FROM alpine\nCMD [\"./worker\"]\n");

        var run = plate.run("import", shop.toString(), "--image-repository", "registry.example.com/shop", "--dry-run");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("! No EXPOSE in the Dockerfile: assuming port 8080 (--port to set it)")
                .contains("! No HEALTHCHECK calling a URL in the Dockerfile: assuming health path / (--health-path");
        assertThat(plate.requests).isEmpty();
    }

    @Test
    void on_a_terminal_it_asks_for_each_value_it_cannot_detect_until_the_answer_will_do() {
        String typed = "\nGHCR.io/Acme/Shop:1\nregistry.example.com/team/shop\n70000\n9000\nhealthz\n/ready\n";

        var run = plate.run(true, typed, "import", shop.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        var sent = plate.requests.get(0).json();
        assertThat(sent).containsEntry("imageRepository", "registry.example.com/team/shop")
                .containsEntry("containerPort", 9000).containsEntry("healthPath", "/ready");
        assertThat(run.err()).contains("? Image repository, where shop's images are pushed (e.g. ghcr.io/acme/shop): ")
                .contains("An answer is needed here.").contains("'GHCR.io/Acme/Shop:1' is not an image repository")
                .contains("? Container port (no Dockerfile) [8080]: ").contains("A port is a whole number from 1 to 65535.")
                .contains("? Health path (no Dockerfile) [/]: ").contains("An HTTP path starts with '/'")
                .doesNotContain("assuming");
        assertThat(run.out()).containsPattern("container port +9000 +\\(answered\\)").doesNotContain("? ");
    }

    @Test
    void on_a_terminal_enter_takes_the_default_in_brackets() {
        var run = plate.run(true, "registry.example.com/shop\n\n\n", "import", shop.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(plate.requests.get(0).json()).containsEntry("containerPort", 8080).containsEntry("healthPath", "/");
    }

    @Test
    void yes_takes_the_defaults_without_asking_but_never_invents_an_image_repository() {
        var run = plate.run(true, "", "import", shop.toString(), "--yes", "--image-repository", "registry.example.com/shop");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).containsPattern("container port +8080 +\\(guessed: Plate's default; --port to set it\\)");
        assertThat(plate.requests.get(0).json()).containsEntry("containerPort", 8080).containsEntry("healthPath", "/");

        var without = plate.run(true, "", "import", shop.toString(), "-y");

        assertThat(without.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(without.err()).startsWith("error: Cannot tell where shop's images are pushed").doesNotContain("?");
        assertThat(plate.requests).hasSize(1);
    }

    @Test
    void a_dry_run_never_asks_and_its_json_stays_json() throws IOException {
        var run = plate.run(true, "", "import", shop.toString(), "--dry-run", "-o", "json", "--image-repository",
                "registry.example.com/shop");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("? ").contains("! No Dockerfile: assuming port 8080");
        assertThat(JSON.std.mapFrom(run.out())).containsEntry("containerPort", 8080).containsEntry("healthPath", "/");
        assertThat(plate.requests).isEmpty();
    }

    @Test
    void input_that_ends_before_an_answer_is_a_usage_error_naming_the_flag() {
        var run = plate.run(true, "", "import", shop.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().strip().lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("error: No answer to 'Image repository, where shop's images are pushed (e.g. "
                        + "ghcr.io/acme/shop)': give --image-repository.");
        assertThat(plate.requests).isEmpty();
    }

    @Test
    void a_refusal_names_the_flag_rather_than_the_api_field() {
        plate.answers(400, "{\"status\":400,\"field\":\"containerPort\",\"detail\":\"ContainerPort must be a port "
                + "between 1 and 65535.\"}");

        var run = plate.run("import", shop.toString(), "--image-repository", "registry.example.com/shop", "--port",
                "70000", "--health-path", "/");

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("error: --port must be a port between 1 and 65535.\n");
    }

    @Test
    void a_refusal_of_a_detected_name_names_the_flag_that_overrides_it() {
        plate.answers(400, "{\"status\":400,\"field\":\"name\",\"detail\":\"Name 'default' is not valid: it must "
                + "not be Argo CD's.\"}");

        var run = plate.run("import", shop.toString(), "--image-repository", "registry.example.com/shop", "--yes");

        assertThat(run.err()).isEqualTo("error: --name 'default' is not valid: it must not be Argo CD's.\n");
    }
}
