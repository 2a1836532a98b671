package dev.plate.cli;

/** The environment a command acts on, given after the project ({@code plate deploy web dev}) or as {@code -e dev}. */
final class EnvironmentArgument {

    private EnvironmentArgument() {}

    static String of(String argument, String option, String command) {
        if (argument != null && option != null && !argument.equals(option)) {
            throw new CliException(ExitCode.USAGE, "Two environments given (" + argument + " and -e " + option
                    + "): give one.");
        }
        if (argument == null && option == null) {
            throw new CliException(ExitCode.USAGE, "Name the environment: " + command + " PROJECT ENV (or -e ENV).");
        }
        return argument != null ? argument : option;
    }
}
