package dev.plate.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the terminal, the stored login, the API client. */
abstract class ApiCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection = new Connection();

    Terminal terminal() {
        return ((Plate) spec.root().userObject()).terminal();
    }

    Config config() {
        return Config.load(connection.applied(terminal()));
    }

    Api api() {
        return Api.from(config()).naming(flagNames());
    }

    /** The API fields this command fills from flags, so that a refusal names the flag the user typed. */
    FlagNames flagNames() {
        return new FlagNames();
    }

    java.io.PrintStream out() {
        return terminal().out();
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    static String shortCommit(Object commit) {
        String sha = text(commit);
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }
}
