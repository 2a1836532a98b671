package dev.plate.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * A question on the terminal, as gh asks them: {@code ? Container port [8080]: }, Enter takes the default in
 * brackets, an answer that will not do is said why and asked again. Questions go to stderr, so that stdout holds
 * only the command's output ({@code -o json} stays machine-readable).
 */
final class Prompt {

    private final Terminal terminal;
    private BufferedReader reader;

    Prompt(Terminal terminal) {
        this.terminal = terminal;
    }

    /**
     * @param fallback what Enter answers; without one an answer is needed
     * @param problem why an answer will not do, or empty when it will
     * @param flag what to give instead when input ends before an answer (a closed stdin)
     */
    String ask(String question, Optional<String> fallback, Function<String, Optional<String>> problem, String flag) {
        while (true) {
            terminal.err().print("? " + question + fallback.map(value -> " [" + value + "]").orElse("") + ": ");
            terminal.err().flush();
            String line = readLine();
            if (line == null) {
                terminal.err().println();
                throw new CliException(ExitCode.USAGE, "No answer to '" + question + "': give " + flag + ".");
            }
            String answer = line.strip();
            if (answer.isEmpty() && fallback.isPresent()) {
                return fallback.get();
            }
            var wrong = answer.isEmpty() ? Optional.of("An answer is needed here.") : problem.apply(answer);
            if (wrong.isEmpty()) {
                return answer;
            }
            terminal.err().println(terminal.red("✗") + " " + wrong.get());
        }
    }

    private String readLine() {
        try {
            if (reader == null) {
                // One reader for every question: it reads ahead, and what it read belongs to the next answer.
                reader = new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8));
            }
            return reader.readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
