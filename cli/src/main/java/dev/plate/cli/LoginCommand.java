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

    @Option(names = "--sso", description = "sign in in the browser (single sign-on, or the login page) and approve "
            + "this command line there; the browser hands the login to this process on 127.0.0.1")
    boolean sso;

    @Option(names = "--no-browser", description = "with --sso: only print the link to open (e.g. on another screen "
            + "of the same computer)")
    boolean noBrowser;

    @Option(names = "--device", description = "for a machine without a browser: show a code to enter in Plate in a "
            + "browser on any device where you are signed in, and wait for the approval")
    boolean device;

    @Override
    public Integer call() {
        var config = config();
        String address = Api.normalize(Optional.ofNullable(url).or(config::url).orElseThrow(() -> new CliException(
                ExitCode.USAGE, "Give Plate's address: plate login https://plate.example.com")));
        if (sso && device) {
            throw new CliException(ExitCode.USAGE, "Choose one of --sso (a browser on this computer) and --device (a "
                    + "browser anywhere).");
        }
        if (sso) {
            return browserLogin(config, address);
        }
        if (device) {
            return saved(config, address, new DeviceSignIn(new Api(address, Optional.empty()), address)
                    .await(terminal().err()));
        }
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
        return saved(config, address, new Api(address, Optional.empty()).post("/login", body));
    }

    /** The loopback flow: the approval page in the browser, the code back on 127.0.0.1, exchanged with the verifier. */
    private Integer browserLogin(Config config, String address) {
        try (var signIn = new BrowserSignIn()) {
            String link = signIn.approvalUrl(address);
            boolean opened = !noBrowser && BrowserSignIn.open(link, terminal().env());
            terminal().err().println((opened ? "Opened your browser to sign in. If it did not open, visit:"
                    : "Open this link in a browser on this computer to sign in:") + "\n  " + link);
            String code = signIn.awaitCode();
            var body = new LinkedHashMap<String, Object>();
            body.put("code", code);
            body.put("verifier", signIn.verifier());
            return saved(config, address, new Api(address, Optional.empty()).post("/login/code", body));
        }
    }

    private Integer saved(Config config, String address, java.util.Map<String, Object> answer) {
        config.saveLogin(address, text(answer.get("token")), text(answer.get("username")), text(answer.get("expiresAt")));
        out().println("Logged in to " + address + " as " + answer.get("username") + " (" + answer.get("role")
                + "); the login lasts until " + answer.get("expiresAt") + ".");
        return ExitCode.OK;
    }
}
