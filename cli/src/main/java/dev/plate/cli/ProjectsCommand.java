package dev.plate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "projects", description = "List the projects (every page of them), in name order.")
final class ProjectsCommand extends ApiCommand {

    @Option(names = {"-q", "--query"}, paramLabel = "TEXT", description = "only projects whose name or an owner "
            + "contains TEXT")
    String query = "";

    @Mixin
    Output output;

    @Override
    public Integer call() {
        var projects = api().getAll("/projects" + (query.isEmpty() ? "" : "?q=" + Api.segment(query)));
        if (!output.table()) {
            output.data(out(), projects);
            return ExitCode.OK;
        }
        if (projects.isEmpty()) {
            out().println(query.isEmpty() ? "No projects yet. Import one: plate import [DIR]"
                    : "No project's name or owner contains '" + query + "'.");
            return ExitCode.OK;
        }
        var table = new Output.Table("NAME", "IMAGE REPOSITORY", "PORT", "HEALTH PATH", "OWNERS");
        for (var project : projects) {
            table.row(project.get("name"), project.get("imageRepository"), project.get("containerPort"),
                    project.get("healthPath"), String.join(",", ((java.util.List<?>) project.get("owners")).stream()
                            .map(Object::toString).toList()));
        }
        table.print(out());
        return ExitCode.OK;
    }
}
