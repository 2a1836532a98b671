package dev.plate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "projects", description = "List the projects.")
final class ProjectsCommand extends ApiCommand {

    @Mixin
    Output output;

    @Override
    public Integer call() {
        var projects = api().getList("/projects");
        if (!output.table()) {
            output.data(out(), projects);
            return ExitCode.OK;
        }
        if (projects.isEmpty()) {
            out().println("No projects yet. Import one: plate import [DIR]");
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
