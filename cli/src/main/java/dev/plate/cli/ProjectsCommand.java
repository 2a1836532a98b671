package dev.plate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "projects", description = "List the projects (every page of them), in name order.")
final class ProjectsCommand extends ApiCommand {

    @Option(names = {"-q", "--query"}, paramLabel = "TEXT", description = "only projects whose name or an owner "
            + "contains TEXT")
    String query = "";

    @Option(names = {"-s", "--status"}, paramLabel = "STATE", description = "only projects with an Argo CD "
            + "Application in STATE: healthy, progressing, degraded, out-of-sync, missing or suspended")
    String status = "";

    @Mixin
    Output output;

    @Override
    FlagNames flagNames() {
        return new FlagNames().field("status", "--status");
    }

    @Override
    public Integer call() {
        var filters = new java.util.ArrayList<String>();
        if (!query.isEmpty()) {
            filters.add("q=" + Api.segment(query));
        }
        if (!status.isEmpty()) {
            filters.add("status=" + Api.segment(status));
        }
        var projects = api().getAll("/projects" + (filters.isEmpty() ? "" : "?" + String.join("&", filters)));
        if (!output.table()) {
            output.data(out(), projects);
            return ExitCode.OK;
        }
        if (projects.isEmpty()) {
            out().println(query.isEmpty() && status.isEmpty() ? "No projects yet. Import one: plate import [DIR]"
                    : "No project matches" + (query.isEmpty() ? "" : " '" + query + "' by name or owner")
                    + (status.isEmpty() ? "" : " with an application " + status) + ".");
            return ExitCode.OK;
        }
        var table = new Output.Table("NAME", "IMAGE REPOSITORY", "PORT", "HEALTH PATH", "TEAM", "OWNERS");
        for (var project : projects) {
            table.row(project.get("name"), project.get("imageRepository"), project.get("containerPort"),
                    project.get("healthPath"), project.get("team") == null ? "" : project.get("team"),
                    String.join(",", ((java.util.List<?>) project.get("owners")).stream().map(Object::toString)
                            .toList()));
        }
        table.print(out());
        return ExitCode.OK;
    }
}
