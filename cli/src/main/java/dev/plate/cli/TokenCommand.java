package dev.plate.cli;

import java.util.LinkedHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "token", description = "Personal access tokens, for CI and scripts (PLATE_TOKEN).",
        subcommands = {TokenCommand.CreateCommand.class, TokenCommand.ListCommand.class,
            TokenCommand.RevokeCommand.class})
final class TokenCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Say what to do: plate token create|list|revoke");
    }

    @Command(name = "create", description = "Make a token for yourself; it is printed once, keep it now.")
    static final class CreateCommand extends ApiCommand {

        @Parameters(paramLabel = "NAME", description = "what will use it, e.g. ci-deploy")
        String name;

        @Option(names = "--days", defaultValue = "90", description = "how long it lasts, 1 to 365 (default 90)")
        int days;

        @Option(names = "--team", paramLabel = "TEAM", description = "limit it to this team's projects (nothing "
                + "Plate-wide, no administration)")
        String team;

        @Option(names = "--read-only", description = "limit it to reading")
        boolean readOnly;

        @Mixin
        Output output;

        @Override
        public Integer call() {
            var body = new LinkedHashMap<String, Object>();
            body.put("name", name);
            body.put("days", days);
            if (team != null) {
                body.put("team", team);
            }
            if (readOnly) {
                body.put("readOnly", true);
            }
            var created = api().post("/tokens", body);
            if (!output.table()) {
                output.data(out(), created);
                return ExitCode.OK;
            }
            @SuppressWarnings("unchecked")
            var summary = (java.util.Map<String, Object>) created.get("summary");
            out().println(created.get("token"));
            terminal().err().println("Token #" + summary.get("id") + " '" + summary.get("name") + "', valid until "
                    + summary.get("expiresAt") + ". It is shown only now: use it as PLATE_TOKEN.");
            return ExitCode.OK;
        }

        /** The token's name is an argument, which the server's words for it ("Name the token …") already fit. */
        @Override
        FlagNames flagNames() {
            return new FlagNames().field("days", "--days").field("team", "--team");
        }
    }

    @Command(name = "list", description = "Your tokens (with --all, an admin sees everyone's).")
    static final class ListCommand extends ApiCommand {

        @Option(names = "--all", description = "everyone's tokens (ADMIN)")
        boolean all;

        @Mixin
        Output output;

        @Override
        public Integer call() {
            var tokens = api().getList("/tokens" + (all ? "?all=true" : ""));
            if (!output.table()) {
                output.data(out(), tokens);
                return ExitCode.OK;
            }
            var table = new Output.Table("ID", "NAME", "OWNER", "STARTS", "EXPIRES", "LAST USED", "REVOKED");
            for (var token : tokens) {
                table.row(token.get("id"), token.get("name"), token.get("owner"), token.get("prefix"),
                        token.get("expiresAt"), token.get("lastUsedAt"), token.get("revokedAt"));
            }
            table.print(out());
            return ExitCode.OK;
        }
    }

    @Command(name = "revoke", description = "End a token at once (yours; an admin: anyone's).")
    static final class RevokeCommand extends ApiCommand {

        @Parameters(paramLabel = "ID", description = "the token's id (see plate token list)")
        long id;

        @Override
        public Integer call() {
            api().delete("/tokens/" + id);
            out().println("Revoked token #" + id + ".");
            return ExitCode.OK;
        }
    }
}
