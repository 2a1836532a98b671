package dev.plate.project.internal;

import dev.plate.base.ValidationException;
import dev.plate.chart.AppConfigRules;
import dev.plate.chart.KubernetesNames;
import dev.plate.chart.ProjectChart;
import dev.plate.project.NewProject;
import dev.plate.project.ProjectService;
import dev.plate.project.ProjectSummary;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JpaProjectService implements ProjectService {

    private static final Pattern OWNER = Pattern.compile("[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?");

    private final ProjectRepository projects;
    private final Clock clock;

    JpaProjectService(ProjectRepository projects, Clock clock) {
        this.projects = projects;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public ProjectSummary create(NewProject project, String createdBy) {
        AppConfigRules.validate(new ProjectChart(project.name(), project.imageRepository(), project.containerPort(),
                project.dependencies()));
        KubernetesNames.httpPath("healthPath", project.healthPath());
        String source = sourceRepoUrl(project.sourceRepoUrl());
        project.owners().forEach(JpaProjectService::owner);
        if (projects.existsByName(project.name())) {
            throw new ValidationException("name", "A project named '" + project.name() + "' already exists.");
        }
        return projects.saveAndFlush(new ProjectEntity(project.name(), source, project.imageRepository(),
                project.containerPort(), project.healthPath(), project.owners(), project.dependencies(), createdBy,
                clock.instant()))
                .toSummary();
    }

    @Override
    public Optional<ProjectSummary> find(String name) {
        return projects.findByName(name).map(ProjectEntity::toSummary);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(String name) {
        projects.findByName(name).ifPresent(project -> {
            projects.delete(project);
            projects.flush();
        });
    }

    @Override
    public List<ProjectSummary> list() {
        return projects.findAllByOrderByNameAsc().stream().map(ProjectEntity::toSummary).toList();
    }

    /** https, ssh:// or scp-like git@host:path; at most 512 characters; optional. */
    private static String sourceRepoUrl(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        boolean scpLike = value.matches("[A-Za-z0-9_.-]+@[A-Za-z0-9.-]+:[A-Za-z0-9_./~-]+");
        if (value.length() > 512 || !(scpLike || isUrl(value))) {
            throw new ValidationException("sourceRepoUrl", "Source repository URL '" + value.replaceAll("\\p{Cntrl}", "?")
                    + "' is not valid: use https://host/org/repo(.git), ssh://git@host/org/repo or git@host:org/repo.");
        }
        return value;
    }

    private static boolean isUrl(String value) {
        try {
            var uri = new URI(value);
            if (uri.getHost() == null || uri.getScheme() == null) {
                return false;
            }
            // Credentials in an https URL would end up in the database and the UI: refuse them.
            return "ssh".equals(uri.getScheme())
                    || List.of("https", "http", "git").contains(uri.getScheme()) && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void owner(String owner) {
        if (owner == null || !OWNER.matcher(owner).matches()) {
            throw new ValidationException("owners", "Owner '" + (owner == null ? "" : owner.replaceAll("\\p{Cntrl}", "?"))
                    + "' is not valid: use user or team names of lowercase letters, digits, '.', '_' or '-'.");
        }
    }
}
