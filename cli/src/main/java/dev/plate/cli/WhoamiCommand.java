package dev.plate.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "whoami", description = "Show who the login or token belongs to, and the roles it has.")
final class WhoamiCommand extends ApiCommand {

    @Mixin
    Output output;

    @Override
    public Integer call() {
        var api = api();
        var me = api.getObject("/whoami");
        if (output.table()) {
            List<?> roles = (List<?>) me.get("roles");
            out().println(me.get("username") + " at " + api.baseUrl() + " (" + String.join(", ",
                    roles.stream().map(Object::toString).toList()) + ")");
        } else {
            output.data(out(), me);
        }
        return ExitCode.OK;
    }
}
