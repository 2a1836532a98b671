package dev.plate.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code PROJECT ENV} (or {@code -e ENV}): whose workloads {@code resources}, {@code events} and {@code logs} show. */
final class WorkloadTarget {

    @Parameters(index = "0", paramLabel = "PROJECT")
    String project;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ENV", description = "the environment (or -e ENV)")
    String environmentArgument;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "the environment (or ENV after PROJECT)")
    String environmentOption;

    /** The API path of {@code what} ({@code resources}, {@code events}, {@code logs}) of this project there. */
    String path(String command, String what) {
        String environment = EnvironmentArgument.of(environmentArgument, environmentOption, command);
        return "/projects/" + Api.segment(project) + "/environments/" + Api.segment(environment) + "/" + what;
    }

    String project() {
        return project;
    }
}
