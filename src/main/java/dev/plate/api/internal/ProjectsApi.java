package dev.plate.api.internal;

import dev.plate.argocd.ApplicationStatuses;
import dev.plate.argocd.StatusFilter;
import dev.plate.base.NotFoundException;
import dev.plate.chart.ChartDependency;
import dev.plate.chart.KubernetesNames;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.history.DeploymentActivity;
import dev.plate.history.DeploymentRecord;
import dev.plate.project.NewProject;
import dev.plate.project.ProjectService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Projects: list, one, import, remove, and a project's deployment history. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Projects", description = "Import, list, remove; each project's deployment history")
class ProjectsApi {

    private final ProjectService projects;
    private final EnvironmentService environments;
    private final DeploymentService deployments;
    private final DeploymentActivity activity;
    private final ApiViews views;
    private final ApplicationStatuses statuses;

    ProjectsApi(ProjectService projects, EnvironmentService environments, DeploymentService deployments,
            DeploymentActivity activity, ApiViews views, ApplicationStatuses statuses) {
        this.statuses = statuses;
        this.projects = projects;
        this.environments = environments;
        this.deployments = deployments;
        this.activity = activity;
        this.views = views;
    }

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;

    /**
     * A page of the projects, in name order, as a JSON array, with the total in {@code X-Total-Count} and the next
     * page's address in a {@code Link} header, as GitHub's API pages (so {@code gh api --paginate}-style clients
     * follow it). Asked for without {@code page} or {@code size}, every project, as before paging: a client that
     * reads one array is never silently cut short. {@code status} keeps the projects with an Application in that
     * state (as the Projects grid's filter does), answered from Argo CD's states in memory.
     */
    @GetMapping("/projects")
    @Operation(summary = "A page of the projects (name order) with each environment's image, last deployment and "
            + "live Argo CD status; q filters by name or owner, status by an Application's state (healthy, progressing, "
            + "degraded, out-of-sync, missing, suspended); X-Total-Count and Link: rel=\"next\" page through")
    @PreAuthorize("hasRole('VIEWER')")
    org.springframework.http.ResponseEntity<List<ApiViews.Project>> projects(
            @RequestParam(defaultValue = "") String q, @RequestParam(name = "page") Optional<Integer> pageNumber,
            @RequestParam(name = "size") Optional<Integer> pageSize,
            @RequestParam(name = "status") Optional<String> status) {
        boolean paged = pageNumber.isPresent() || pageSize.isPresent();
        int page = pageNumber.orElse(1);
        int size = pageSize.orElse(DEFAULT_PAGE_SIZE);
        if (page < 1) {
            throw new dev.plate.base.ValidationException("page", "page counts from 1, not " + page + ".");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new dev.plate.base.ValidationException("size", "size is between 1 and " + MAX_PAGE_SIZE + ", not "
                    + size + ".");
        }
        var inState = status.map(word -> StatusFilter.parse("status", word)).orElse(StatusFilter.ANY)
                .projects(statuses).map(names -> {
                    var matching = new java.util.HashSet<>(projects.names(q));
                    return names.stream().filter(matching::contains).toList();
                });
        long total = inState.map(names -> (long) names.size()).orElseGet(() -> projects.count(q));
        long from = paged ? (long) (page - 1) * size : 0;
        int limit = paged ? size : (int) Math.min(Integer.MAX_VALUE, total);
        var found = inState.map(names -> projects.findAll(names.subList((int) Math.min(from, names.size()),
                        (int) Math.min(from + limit, names.size()))))
                .orElseGet(() -> projects.search(q, (int) Math.min(Integer.MAX_VALUE, from), limit));
        var order = environments.list();
        var latest = ApiViews.latest(activity.latestOf(found));
        var response = org.springframework.http.ResponseEntity.ok().header("X-Total-Count", String.valueOf(total));
        if (paged && (long) page * size < total) {
            response.header("Link", "<" + org.springframework.web.servlet.support.ServletUriComponentsBuilder
                    .fromCurrentRequest().replaceQueryParam("page", page + 1).replaceQueryParam("size", size)
                    .build().toUriString() + ">; rel=\"next\"");
        }
        return response.body(found.stream().map(project -> views.project(project, order, latest)).toList());
    }

    @GetMapping("/projects/{name}")
    @Operation(summary = "One project with each environment's status")
    @PreAuthorize("hasRole('VIEWER')")
    ApiViews.Project project(@PathVariable String name) {
        var project = projects.find(name).orElseThrow(() -> new NotFoundException("There is no project named '"
                + name + "'."));
        return views.project(project, environments.list(), ApiViews.latest(deployments.latest(Optional.of(name))));
    }

    /**
     * An import: without a port or health path, the chart's defaults (8080, "/"). {@code dependencies} are add-on
     * charts (name, repository, version), each off until an environment turns it on. {@code team}, when given, owns
     * the project: its members decide who may change it.
     */
    record Import(String name, String sourceRepoUrl, String imageRepository, Integer containerPort, String healthPath,
            List<String> owners, String imageTag, List<ChartDependency> dependencies, String team) {}

    /** @param argoCd as in {@link ApiViews.Deployment}: NOT_CONFIGURED means the applications are created once a cluster is */
    record Imported(ApiViews.Project project, String commit, String configRepository, List<String> applications,
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
                request.healthPath() == null ? "/" : request.healthPath(), request.owners(), request.dependencies(),
                Optional.ofNullable(request.team())), tag));
        return new Imported(views.project(result.project(), environments.list(),
                ApiViews.latest(deployments.latest(Optional.of(result.project().name())))), result.commit(), result.cloneUrl(),
                result.environments().stream().map(env -> result.project().name() + "-" + env).toList(),
                views.argoCd());
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
    List<ApiViews.Deployment> history(@PathVariable String name, @RequestParam Optional<String> environment) {
        var names = environment.map(List::of).orElseGet(() -> environments.list().stream()
                .map(EnvironmentSummary::name).toList());
        return names.stream().flatMap(env -> deployments.history(name, env).stream())
                .sorted(java.util.Comparator.comparingLong(DeploymentRecord::id).reversed())
                .map(views::deployment).toList();
    }
}
