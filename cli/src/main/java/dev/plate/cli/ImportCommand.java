package dev.plate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", description = {"Import a project: chart, values and Argo CD Applications in one commit.",
    "Detects the name and source repository (git remote), the port (EXPOSE) and the",
    "health path (HEALTHCHECK) and shows where each value came from; flags override",
    "what is detected. A directory inside a repository (monorepo/services/billing)",
    "is a project named after the directory.",
    "What it cannot detect it asks for on a terminal (Enter takes the default in",
    "brackets). Elsewhere, and with --dry-run, which never asks, the port and the",
    "health path are Plate's defaults, each named on stderr, and an image repository",
    "not detected must be given with --image-repository; --yes takes the defaults",
    "without asking."})
final class ImportCommand extends ApiCommand {

    @Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = ".", description = "the project's directory "
            + "(default: the current one)")
    Path directory;

    @Option(names = "--name", description = "the project's name (lowercase letters, digits, '-')")
    String name;

    @Option(names = {"--image-repository", "--image"}, paramLabel = "REPOSITORY",
            description = "where its images are pushed, e.g. ghcr.io/acme/web-app")
    String imageRepository;

    @Option(names = "--tag", paramLabel = "TAG", defaultValue = "latest", description = "the image tag to start "
            + "with (default: latest)")
    String tag;

    @Option(names = "--port", description = "the container port")
    Integer port;

    @Option(names = "--health-path", paramLabel = "PATH", description = "the HTTP path the probes call")
    String healthPath;

    @Option(names = "--source-repo", paramLabel = "URL", description = "the source repository's URL")
    String sourceRepo;

    @Option(names = "--owner", paramLabel = "OWNER", description = "a person or team to contact (repeatable)")
    List<String> owners = new ArrayList<>();

    @Option(names = "--team", paramLabel = "TEAM", description = "the team that owns the project: its members decide "
            + "who may deploy, promote and roll back it (plate teams lists them)")
    String team;

    @Option(names = "--addon", paramLabel = "NAME=REPOSITORY@VERSION", description = "an add-on chart, off until "
            + "an environment turns it on (repeatable), e.g. postgresql=oci://registry-1.docker.io/bitnamicharts@16.4.0")
    List<String> addons = new ArrayList<>();

    @Option(names = "--dry-run", description = "show what would be imported, change nothing (never asks)")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "take Plate's default for what is not detected (port 8080, "
            + "health path /) without asking")
    boolean yes;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        if (!Files.isDirectory(directory)) {
            throw new CliException(ExitCode.USAGE, directory + " is not a directory.");
        }
        var dependencies = addons.stream().map(ImportCommand::addon).toList(); // refused before any question
        // Not logged in is said before any question is asked, not after the answers.
        Optional<Api> api = dryRun ? Optional.empty() : Optional.of(api());
        var rows = new ArrayList<String[]>();
        var body = body(ProjectDetector.detect(directory), rows);
        if (!dependencies.isEmpty()) {
            body.put("dependencies", dependencies);
        }
        boolean table = output.table();
        if (table) {
            out().println("Detected in " + directory.toAbsolutePath().normalize() + ":");
            var shown = new Output.Table("", "", "");
            rows.forEach(r -> shown.row("  " + r[0], r[1], terminal().dim("(" + r[2] + ")")));
            printWithoutHeader(shown);
        }
        if (api.isEmpty()) {
            if (table) {
                out().println("Dry run: nothing was imported.");
            } else {
                output.data(out(), body);
            }
            return ExitCode.OK;
        }
        var result = api.get().post("/projects", body);
        if (table) {
            printImported(result);
        } else {
            output.data(out(), result);
        }
        return ExitCode.OK;
    }

    /** Each value from its flag, else as detected, else as {@link Undetected} settles it; each recorded in rows. */
    private Map<String, Object> body(ProjectDetector.Detection detected, List<String[]> rows) {
        String projectName = chosen(name, Optional.of(detected.name()), "name", rows).orElse("");
        if (projectName.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "Cannot tell the project's name from " + directory.toAbsolutePath()
                    + ": give it with --name.");
        }
        var source = chosen(sourceRepo, detected.sourceRepoUrl(), "source repository", rows);
        var undetected = new Undetected(Undetected.mode(yes, dryRun, terminal()), terminal());
        // The image first: where it is required, the refusal comes before any question or warning.
        String repository = chosen(imageRepository, detected.imageRepository(), "image repository", rows)
                .orElseGet(() -> undetected.imageRepository(projectName, rows));
        String containerPort = chosen(port == null ? null : port.toString(), detected.port(), "container port", rows)
                .orElseGet(() -> undetected.port(detected.dockerfile() ? "no EXPOSE in the Dockerfile"
                        : "no Dockerfile", rows));
        String health = chosen(healthPath, detected.healthPath(), "health path", rows)
                .orElseGet(() -> undetected.healthPath(detected.dockerfile() ? "no HEALTHCHECK calling a URL in the "
                        + "Dockerfile" : "no Dockerfile", rows));
        var body = new LinkedHashMap<String, Object>();
        body.put("name", projectName);
        source.ifPresent(s -> body.put("sourceRepoUrl", s));
        body.put("imageRepository", repository);
        body.put("containerPort", Integer.parseInt(containerPort));
        body.put("healthPath", health);
        if (!owners.isEmpty()) {
            body.put("owners", owners);
        }
        if (team != null && !team.isBlank()) {
            body.put("team", team.strip());
        }
        body.put("imageTag", tag);
        return body;
    }

    private void printImported(Map<String, Object> result) {
        @SuppressWarnings("unchecked")
        var project = (Map<String, Object>) result.get("project");
        @SuppressWarnings("unchecked")
        var environments = ((List<Map<String, Object>>) project.get("environments")).stream()
                .map(e -> text(e.get("name"))).toList();
        out().println();
        out().println(terminal().green("✓") + " Imported " + project.get("name") + ":");
        var created = new Output.Table("", "");
        created.row("  config repository", result.get("configRepository") + "  (commit "
                + shortCommit(result.get("commit")) + ")");
        created.row("  environments", String.join(" → ", environments));
        created.row("  Argo CD applications", String.join(", ", ((List<?>) result.get("applications")).stream()
                .map(Object::toString).toList()) + ("NOT_CONFIGURED".equals(result.get("argoCd"))
                        ? "  (created once an admin connects a cluster)" : ""));
        printWithoutHeader(created);
        out().println("Next: plate deploy " + project.get("name") + " --env "
                + (environments.isEmpty() ? "dev" : environments.get(0)) + " --image <tag> --wait");
    }

    @Override
    FlagNames flagNames() {
        return new FlagNames().field("name", "--name").field("imageRepository", "--image-repository")
                .field("containerPort", "--port").field("healthPath", "--health-path")
                .field("sourceRepoUrl", "--source-repo").field("imageTag", "--tag").field("owners", "--owner")
                .field("dependencies", "--addon").field("team", "--team");
    }

    private static Map<String, Object> addon(String spec) {
        int eq = spec.indexOf('=');
        int at = spec.lastIndexOf('@');
        if (eq <= 0 || at <= eq + 1 || at == spec.length() - 1) {
            throw new CliException(ExitCode.USAGE, "--addon takes NAME=REPOSITORY@VERSION, e.g. "
                    + "postgresql=oci://registry-1.docker.io/bitnamicharts@16.4.0, not '" + spec + "'.");
        }
        var dependency = new LinkedHashMap<String, Object>();
        dependency.put("name", spec.substring(0, eq).strip());
        dependency.put("repository", spec.substring(eq + 1, at).strip());
        dependency.put("version", spec.substring(at + 1).strip());
        return dependency;
    }

    /** The flag if given, else what was detected; records the row shown to the user. */
    private static Optional<String> chosen(String flag, Optional<ProjectDetector.Detected> detected, String label,
            List<String[]> rows) {
        if (flag != null) {
            rows.add(new String[] {label, flag, "given"});
            return Optional.of(flag);
        }
        detected.ifPresent(d -> rows.add(new String[] {label, d.value(), d.source()}));
        return detected.map(ProjectDetector.Detected::value);
    }

    private void printWithoutHeader(Output.Table table) {
        var buffer = new java.io.ByteArrayOutputStream();
        table.print(new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
        buffer.toString(java.nio.charset.StandardCharsets.UTF_8).lines().skip(1).forEach(out()::println);
    }
}
