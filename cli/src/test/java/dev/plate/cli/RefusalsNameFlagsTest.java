package dev.plate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server refuses input naming its API's fields ({@code field} in the problem document, and its message);
 * the person reads the flag they typed instead. Import's own are in {@link ImportCommandTest}.
 */
class RefusalsNameFlagsTest {

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

    private String refused(String field, String detail, String... args) {
        plate.answers(400, "{\"status\":400,\"field\":\"" + field + "\",\"detail\":\"" + detail + "\"}");
        var run = plate.run(args);
        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        return run.err();
    }

    @Test
    void a_value_refused_while_the_change_is_read_is_named_as_its_set_flag() {
        assertThat(refused("set.replicas", "replicas must be a whole number, not 'many'.", "deploy", "web", "dev",
                "--set", "replicas=many"))
                .isEqualTo("error: --set replicas must be a whole number, not 'many'.\n");
    }

    @Test
    void a_value_refused_in_the_resulting_configuration_is_named_as_its_set_flag() {
        assertThat(refused("ingress.host", "Ingress.host '-bad-' is not valid: it must be a DNS host name.", "deploy",
                "web", "dev", "--set", "ingress.host=-bad-"))
                .isEqualTo("error: --set ingress.host '-bad-' is not valid: it must be a DNS host name.\n");
    }

    @Test
    void the_image_tag_of_a_deployment_is_its_image_flag() {
        assertThat(refused("imageTag", "ImageTag 'bad tag!' is not valid: it must be an image tag.", "deploy", "web",
                "dev", "--image", "bad tag!"))
                .isEqualTo("error: --image 'bad tag!' is not valid: it must be an image tag.\n");
    }

    @Test
    void a_field_the_server_names_in_words_is_named_as_its_flag() {
        assertThat(refused("displayName", "Display name must be at most 128 characters.", "user", "create", "lee",
                "--role", "developer", "--display-name", "x"))
                .isEqualTo("error: --display-name must be at most 128 characters.\n");
    }

    /** "name" and "imageTag" are the fields at fault here, but the messages speak of something else. */
    @Test
    void a_message_that_does_not_start_with_the_field_is_left_as_the_server_said_it() {
        assertThat(refused("name", "Name the token for what will use it, e.g. ci-deploy.", "token", "create", " "))
                .isEqualTo("error: Name the token for what will use it, e.g. ci-deploy.\n");
        assertThat(refused("imageTag", "web in dev already runs this image and configuration: nothing to change.",
                "deploy", "web", "dev", "--image", "1.0"))
                .isEqualTo("error: web in dev already runs this image and configuration: nothing to change.\n");
    }
}
