package dev.plate.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * Where the CLI reads and writes, and the environment it runs in: the real ones in {@link Plate#main}, others
 * in tests. Colour and the spinner only when stderr is a terminal and {@code NO_COLOR} is not set.
 */
public record Terminal(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, boolean interactive) {

    public static Terminal system() {
        return new Terminal(System.out, System.err, System.in, System.getenv(), isTerminal());
    }

    public boolean color() {
        return interactive && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
    }

    public String red(String text) {
        return color() ? "\u001b[31m" + text + "\u001b[0m" : text;
    }

    public String green(String text) {
        return color() ? "\u001b[32m" + text + "\u001b[0m" : text;
    }

    public String dim(String text) {
        return color() ? "\u001b[2m" + text + "\u001b[0m" : text;
    }

    public void error(String message) {
        err.println(red("error:") + " " + message.lines().findFirst().orElse("").strip());
    }

    /** Java 22+ returns a Console even when redirected; ask it whether it is a terminal where that exists. */
    private static boolean isTerminal() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) console.getClass().getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
