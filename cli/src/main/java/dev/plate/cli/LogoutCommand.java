package dev.plate.cli;

import picocli.CommandLine.Command;

@Command(name = "logout", description = "Forget the stored login token (the server address is kept).")
final class LogoutCommand extends ApiCommand {

    @Override
    public Integer call() {
        var config = config();
        if (config.forgetLogin()) {
            out().println("Logged out of " + config.url().orElse("Plate") + ".");
        } else {
            out().println("Not logged in.");
        }
        return ExitCode.OK;
    }
}
