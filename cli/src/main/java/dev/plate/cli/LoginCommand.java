package dev.plate.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "login", description = "Log in to a Plate server; the token is kept in ~/.config/plate/ (0600).")
final class LoginCommand extends ApiCommand {

    @Parameters(arity = "0..1", paramLabel = "URL", description = "Plate's address, e.g. https://plate.example.com "
            + "(default: the last one used, or PLATE_URL)")
    String url;

    @Option(names = {"-u", "--username"}, description = "default: asked for")
    String username;

    @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
    boolean passwordStdin;

    @Override
    public Integer call() {
        var config = config();
        String address = Api.normalize(Optional.ofNullable(url).or(config::url).orElseThrow(() -> new CliException(
                ExitCode.USAGE, "Give Plate's address: plate login https://plate.example.com")));
        var console = System.console();
        String user = Optional.ofNullable(username).filter(u -> !u.isBlank()).orElseGet(() -> {
            if (console == null || !terminal().interactive()) {
                throw new CliException(ExitCode.USAGE, "Give the username with --username (no terminal to ask on).");
            }
            return Optional.ofNullable(console.readLine("Username: ")).orElse("").strip();
        });
        String password;
        if (passwordStdin) {
            try {
                password = Optional.ofNullable(new BufferedReader(new InputStreamReader(terminal().in(),
                        StandardCharsets.UTF_8)).readLine()).orElse("");
            } catch (IOException e) {
                throw new CliException(ExitCode.USAGE, "Cannot read the password from standard input.");
            }
        } else if (console != null && terminal().interactive()) {
            char[] typed = console.readPassword("Password for %s: ", user);
            password = typed == null ? "" : new String(typed);
        } else {
            throw new CliException(ExitCode.USAGE, "No terminal to ask for the password: pipe it in with "
                    + "--password-stdin, or use an access token in PLATE_TOKEN.");
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("username", user);
        body.put("password", password);
        var answer = new Api(address, Optional.empty()).post("/login", body);
        config.saveLogin(address, text(answer.get("token")), text(answer.get("username")), text(answer.get("expiresAt")));
        out().println("Logged in to " + address + " as " + answer.get("username") + " (" + answer.get("role")
                + "); the login lasts until " + answer.get("expiresAt") + ".");
        return ExitCode.OK;
    }
}
