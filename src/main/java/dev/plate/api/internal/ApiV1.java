package dev.plate.api.internal;

import dev.plate.argocd.ApplicationStatuses;
import dev.plate.audit.AuditLog;
import dev.plate.base.NotFoundException;
import dev.plate.base.ValidationException;
import dev.plate.chart.ChartDependency;
import dev.plate.chart.KubernetesNames;
import dev.plate.chart.ValueChanges;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentRecord;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.deployment.PromoteRequest;
import dev.plate.deployment.RollbackRequest;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.project.NewProject;
import dev.plate.project.ProjectService;
import dev.plate.project.ProjectSummary;
import dev.plate.security.LoginTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoints of {@code /api/v1}. Each calls the service the browser uses, with the same checks; the
 * responses are shaped here, so the services' records can change without breaking clients.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Plate", description = "Projects, deployments, promotions and rollbacks")
class ApiV1 {

    private final ProjectService projects;
    private final EnvironmentService environments;
    private final DeploymentService deployments;
    private final ApplicationStatuses statuses;
    private final LoginTokens logins;
    private final AuditLog audit;

    ApiV1(ProjectService projects, EnvironmentService environments, DeploymentService deployments,
            ApplicationStatuses statuses, LoginTokens logins, AuditLog audit) {
        this.audit = audit;
        this.projects = projects;
        this.environments = environments;
        this.deployments = deployments;
        this.statuses = statuses;
        this.logins = logins;
    }

    record Me(String username, List<String> roles) {}

    @GetMapping("/whoami")
    @Operation(summary = "Who the token belongs to, and their roles")
    Me whoami(Authentication authentication) {
        return new Me(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5))
                .toList());
    }

    record Environment(String name, int position, String cluster, String namespacePattern, boolean autoSync,
            boolean protectedEnvironment) {}

    @GetMapping("/environments")
    @Operation(summary = "The environments in promotion order")
    @PreAuthorize("hasRole('VIEWER')")
    List<Environment> environments() {
        return environments.list().stream().map(env -> new Environment(env.name(), env.position(),
                env.clusterServer(), env.namespacePattern(), env.autoSync(), env.protectedEnvironment())).toList();
    }

    record EnvironmentStatus(String name, String imageTag, Long lastDeployment, String state, String sync,
            String health, String message) {}

    record Project(String name, String imageRepository, int containerPort, String healthPath, List<String> owners,
            Optional<String> sourceRepoUrl, List<ChartDependency> dependencies, List<EnvironmentStatus> environments) {}

    @GetMapping("/projects")
    @Operation(summary = "Every project with each environment's image, last deployment and live Argo CD status")
    @PreAuthorize("hasRole('VIEWER')")
    List<Project> projects() {
        var order = environments.list();
        var latest = latest(deployments.latest(Optional.empty()));
        return projects.list().stream().map(project -> project(project, order, latest)).toList();
    }

    @GetMapping("/projects/{name}")
    @Operation(summary = "One project with each environment's status")
    @PreAuthorize("hasRole('VIEWER')")
    Project project(@PathVariable String name) {
        var project = projects.find(name).orElseThrow(() -> new NotFoundException("There is no project named '"
                + name + "'."));
        return project(project, environments.list(), latest(deployments.latest(Optional.of(name))));
    }

    private static Map<String, DeploymentRecord> latest(List<DeploymentRecord> records) {
        var byKey = new java.util.HashMap<String, DeploymentRecord>();
        records.forEach(record -> byKey.put(record.project() + "/" + record.environment(), record));
        return byKey;
    }

    private Project project(ProjectSummary project, List<EnvironmentSummary> order,
            Map<String, DeploymentRecord> latest) {
        var perEnvironment = order.stream().map(env -> {
            var last = Optional.ofNullable(latest.get(project.name() + "/" + env.name()));
            var status = statuses.of(project.name(), env.name());
            return new EnvironmentStatus(env.name(), last.map(DeploymentRecord::imageTag).orElse(null),
                    last.map(DeploymentRecord::id).orElse(null), last.map(d -> d.state().name()).orElse(null),
                    status.map(s -> s.sync()).orElse(null), status.map(s -> s.health()).orElse(null),
                    status.map(s -> s.healthMessage()).filter(m -> !m.isBlank()).orElse(null));
        }).toList();
        return new Project(project.name(), project.imageRepository(), project.containerPort(), project.healthPath(),
                project.owners(), project.sourceRepoUrl(), project.dependencies(), perEnvironment);
    }

    /**
     * Unknown fields are refused (spring.jackson.deserialization.fail-on-unknown-properties). {@code set} and
     * {@code unset} change single values of the environment's current configuration (see {@link ValueChanges}).
     */
    record Deploy(String project, String environment, String imageTag, Map<String, String> set, List<String> unset) {}

    /**
     * @param argoCd whether Argo CD is watched (LIVE), being reconnected, or not configured: a client waiting for
     *     the outcome stops when there is nothing that could decide it
     */
    record Deployment(long id, String project, String environment, String kind, String state, String requestedBy,
            Instant requestedAt, String imageTag, String commit, String summary, Optional<Instant> finishedAt,
            String outcome, String argoCd) {}

    private Deployment view(DeploymentRecord record) {
        return new Deployment(record.id(), record.project(), record.environment(), record.kind().name(),
                record.state().name(), record.requestedBy(), record.requestedAt(), record.imageTag(),
                record.toRevision(), record.summary(), record.finishedAt(), record.outcome(),
                statuses.connection().state().name());
    }

    @PostMapping(path = "/deploy", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Deploy an image tag and/or value changes to one environment: one commit")
    Deployment deploy(@RequestBody Deploy request) {
        required("project", request.project(), "Name the project: \"project\": \"web\".");
        required("environment", request.environment(), "Name the environment: \"environment\": \"dev\".");
        var set = request.set() == null ? Map.<String, String>of() : request.set();
        var unset = request.unset() == null ? List.<String>of() : request.unset();
        var tag = Optional.ofNullable(request.imageTag());
        if (tag.isPresent() && tag.get().isBlank()) {
            throw new ValidationException("imageTag", "The image tag is empty; leave it out to keep the current one.");
        }
        if (tag.isEmpty() && set.isEmpty() && unset.isEmpty()) {
            throw new ValidationException("imageTag", "Say what to deploy: an image tag (\"imageTag\": \"1.4.2\") "
                    + "and/or value changes (\"set\": {\"replicas\": \"3\"}).");
        }
        return view(deployments.deploy(DeployRequest.changes(request.project(), request.environment(), tag,
                set, unset)));
    }

    /** A missing name would otherwise be looked up as 'null' and answered 404. */
    private static void required(String field, String value, String message) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, message);
        }
    }

    record Login(String username, String password) {}

    record LoginToken(String token, String username, String role, Instant expiresAt) {}

    @PostMapping(path = "/login", consumes = "application/json")
    @SecurityRequirements
    @Operation(summary = "Exchange a username and password for a short-lived login token (what `plate login` does)")
    LoginToken login(@RequestBody Login request) {
        if (request.username() == null || request.username().isBlank()) {
            throw new ValidationException("username", "Give your Plate username.");
        }
        if (request.password() == null || request.password().isEmpty()) {
            throw new ValidationException("password", "Give your password.");
        }
        var issued = logins.issue(request.username(), request.password());
        return new LoginToken(issued.token(), issued.username(), issued.role().name(), issued.expiresAt());
    }

    @GetMapping("/deployments/{id}")
    @Operation(summary = "One deployment, to wait for its outcome")
    Deployment deployment(@PathVariable long id) {
        return view(deployments.deployment(id));
    }

    /**
     * An import: without a port or health path, the chart's defaults (8080, "/"). {@code dependencies} are add-on
     * charts (name, repository, version), each off until an environment turns it on.
     */
    record Import(String name, String sourceRepoUrl, String imageRepository, Integer containerPort, String healthPath,
            List<String> owners, String imageTag, List<ChartDependency> dependencies) {}

    /** @param argoCd as in {@link Deployment}: NOT_CONFIGURED means the applications are created once a cluster is */
    record Imported(Project project, String commit, String configRepository, List<String> applications,
            String argoCd) {}

    @PostMapping(path = "/projects", consumes = "application/json")
    @Operation(summary = "Import a project: chart, values and Argo CD Applications in one commit")
    @ResponseStatus(HttpStatus.CREATED)
    Imported importProject(@RequestBody Import request) {
        String tag = request.imageTag() == null ? "latest" : request.imageTag();
        // Checked here too, so the problem names this body's field rather than the service's "initialImageTag".
        KubernetesNames.imageTag("imageTag", tag);
        var result = deployments.importProject(new ImportRequest(new NewProject(request.name(),
                request.sourceRepoUrl(), request.imageRepository(),
                request.containerPort() == null ? 8080 : request.containerPort(),
                request.healthPath() == null ? "/" : request.healthPath(), request.owners(), request.dependencies()),
                tag));
        return new Imported(project(result.project(), environments.list(),
                latest(deployments.latest(Optional.of(result.project().name())))), result.commit(), result.cloneUrl(),
                result.environments().stream().map(env -> result.project().name() + "-" + env).toList(),
                statuses.connection().state().name());
    }

    /** Removing a project needs its name twice, as in the browser: {@code ?confirm=<name>}. */
    @DeleteMapping("/projects/{name}")
    @Operation(summary = "Remove a project (confirm with its name): one commit")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteProject(@PathVariable String name, @RequestParam(defaultValue = "") String confirm) {
        deployments.deleteProject(name, confirm);
    }

    @GetMapping("/projects/{name}/history")
    @Operation(summary = "A project's deployments, newest first")
    @PreAuthorize("hasRole('VIEWER')")
    List<Deployment> history(@PathVariable String name, @RequestParam Optional<String> environment) {
        var names = environment.map(List::of).orElseGet(() -> environments.list().stream()
                .map(EnvironmentSummary::name).toList());
        return names.stream().flatMap(env -> deployments.history(name, env).stream())
                .sorted(java.util.Comparator.comparingLong(DeploymentRecord::id).reversed())
                .map(this::view).toList();
    }

    @GetMapping("/audit")
    @Operation(summary = "The audit trail, newest first: every deployment action and admin change (ADMIN)")
    List<AuditLog.Entry> audit(@RequestParam Optional<String> actor, @RequestParam Optional<String> action,
            @RequestParam Optional<String> target,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> since,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> until,
            @RequestParam(defaultValue = "100") int limit) {
        return audit.search(new AuditLog.Query(actor, action, target, since, until, limit));
    }

    record Promote(String project, String from, String to, Boolean includeConfig) {}

    @PostMapping(path = "/promote", consumes = "application/json")
    @Operation(summary = "Promote the image (and optionally the configuration) to the next environment")
    @ResponseStatus(HttpStatus.CREATED)
    Deployment promote(@RequestBody Promote request) {
        required("project", request.project(), "Name the project: \"project\": \"web\".");
        required("from", request.from(), "Name the environment to promote from: \"from\": \"dev\".");
        required("to", request.to(), "Name the environment to promote to: \"to\": \"staging\".");
        return view(deployments.promote(new PromoteRequest(request.project(), request.from(), request.to(),
                Boolean.TRUE.equals(request.includeConfig()))));
    }

    record Retry(String project, String environment) {}

    @PostMapping(path = "/retry", consumes = "application/json")
    @Operation(summary = "Send the last deployment of an environment to Argo CD again, when it failed or timed out "
            + "(refresh, and the sync where the environment does not sync by itself; no new commit)")
    @ResponseStatus(HttpStatus.CREATED)
    Deployment retry(@RequestBody Retry request) {
        required("project", request.project(), "Name the project: \"project\": \"web\".");
        required("environment", request.environment(), "Name the environment: \"environment\": \"dev\".");
        return view(deployments.retry(request.project(), request.environment()));
    }

    record Rollback(String project, String environment, Long toDeployment) {}

    @PostMapping(path = "/rollback", consumes = "application/json")
    @Operation(summary = "Restore an earlier deployment's configuration as a new commit")
    @ResponseStatus(HttpStatus.CREATED)
    Deployment rollback(@RequestBody Rollback request) {
        required("project", request.project(), "Name the project: \"project\": \"web\".");
        required("environment", request.environment(), "Name the environment: \"environment\": \"dev\".");
        return view(deployments.rollback(new RollbackRequest(request.project(), request.environment(),
                Optional.ofNullable(request.toDeployment()))));
    }
}
