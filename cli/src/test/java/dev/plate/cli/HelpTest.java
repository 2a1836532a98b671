package dev.plate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command answers {@code --help} and {@code -h}, {@code plate help} reaches nested commands, and a usage error
 * is one line.
 */
class HelpTest {

    record Run(int exit, String out, String err) {}

    static Run plate(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                Map.of("XDG_CONFIG_HOME", "/nonexistent"), false);
        int exit = Plate.run(terminal, args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"login", "logout", "whoami", "import", "deploy", "status", "promote", "rollback", "history",
            "resources", "events", "logs", "projects", "env", "env list", "token", "token create", "token list", "token revoke", "user", "user list",
            "user create", "user role", "user disable", "user enable", "user unlock", "user reset-password",
            "completion"})
    void every_command_answers_help_and_h(String command) {
        for (String flag : new String[] {"--help", "-h"}) {
            var run = plate((command + " " + flag).split(" "));

            assertThat(run.exit()).as(command + " " + flag + ": " + run.err()).isZero();
            assertThat(run.out()).startsWith("Usage: plate " + command);
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void help_names_a_nested_command_by_its_path() {
        var run = plate("help", "env", "list");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: plate env list");
    }

    @Test
    void help_for_a_command_that_does_not_exist_says_so() {
        var run = plate("help", "env", "nope");

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("'env nope' is not a command");
    }

    @Test
    void a_usage_error_is_one_line_naming_the_help_to_read() {
        var run = plate("deploy", "web", "--env", "dev", "--bogus");

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).startsWith("error: Unknown option: '--bogus'").contains("(see 'plate deploy --help')");
    }

    /** "plate --help" lists each command with its first line: a whole sentence, never cut mid-way. */
    @Test
    void each_commands_summary_is_a_whole_sentence() {
        var summaries = new java.util.LinkedHashMap<String, String>();
        String current = null;
        boolean commands = false;
        for (String line : plate("--help").out().split("\\R")) {
            if (line.equals("Commands:")) {
                commands = true;
            } else if (commands && line.isBlank()) {
                break;
            } else if (commands && line.startsWith("   ") && current != null) {
                summaries.merge(current, " " + line.strip(), String::concat);
            } else if (commands) {
                current = line.strip().split("\\s+", 2)[0];
                summaries.put(current, line.strip().split("\\s+", 2)[1]);
            }
        }

        assertThat(summaries).containsKeys("login", "import", "deploy", "projects", "help");
        summaries.forEach((command, summary) -> assertThat(summary).as(command).endsWith("."));
    }

    /** The keys deploy takes are listed whole: none is broken across lines. */
    @Test
    void the_keys_in_deploy_help_are_never_cut() {
        String help = plate("deploy", "--help").out();

        for (String key : List.of("resources.requests.memory", "probes.liveness", "autoscaling.targetCPUPercent",
                "networkPolicy.ingressNamespace", "externalSecrets.keyPrefix", "worker.command", "ports.NAME")) {
            assertThat(help).contains(key);
        }
    }
}
