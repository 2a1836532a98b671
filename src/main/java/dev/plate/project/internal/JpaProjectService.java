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
    private static final Pattern TEAM = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private final ProjectRepository projects;
    private final Clock clock;
    private final jakarta.persistence.EntityManager entities;

    JpaProjectService(ProjectRepository projects, Clock clock, jakarta.persistence.EntityManager entities) {
        this.projects = projects;
        this.entities = entities;
        this.clock = clock;
    }

    @Override
    public void check(NewProject project) {
        validated(project);
        AppConfigRules.helmVersions(project.dependencies()); // as importing does; not for a project recovered
    }

    /** Every rule of a new project; returns the normalised source URL. */
    private String validated(NewProject project) {
        AppConfigRules.validate(new ProjectChart(project.name(), project.imageRepository(), project.containerPort(),
                project.dependencies()));
        KubernetesNames.httpPath("healthPath", project.healthPath());
        String source = sourceRepoUrl(project.sourceRepoUrl());
        project.owners().forEach(JpaProjectService::owner);
        project.team().ifPresent(JpaProjectService::team);
        if (projects.existsByName(project.name())) {
            throw new dev.plate.base.AlreadyExistsException("name", "A project named '" + project.name() + "' already exists.");
        }
        return source;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public ProjectSummary create(NewProject project, String createdBy) {
        String source = validated(project);
        return projects.saveAndFlush(new ProjectEntity(project.name(), source, project.imageRepository(),
                project.containerPort(), project.healthPath(), project.owners(), project.dependencies(), project.team(),
                createdBy,
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

    @Override
    public List<ProjectSummary> search(String text, int offset, int limit, boolean descending) {
        return matching("select p", text, ProjectEntity.class, descending).setFirstResult(offset).setMaxResults(limit)
                .getResultList().stream().map(ProjectEntity::toSummary).toList();
    }

    @Override
    public long count(String text) {
        return matching("select count(p)", text, Long.class).getSingleResult();
    }

    @Override
    public java.util.SequencedMap<String, Long> ids(String text) {
        var ids = new java.util.LinkedHashMap<String, Long>();
        matching("select p.name, p.id", text, Object[].class).getResultList()
                .forEach(row -> ids.put((String) row[0], (Long) row[1]));
        return ids;
    }

    @Override
    public List<String> names(String text) {
        return matching("select p.name", text, String.class).getResultList();
    }

    @Override
    public List<ProjectSummary> findAll(java.util.Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return entities.createQuery("select p from ProjectEntity p where p.name in :names order by p.name",
                ProjectEntity.class).setParameter("names", names).getResultList().stream()
                .map(ProjectEntity::toSummary).toList();
    }

    @Override
    public List<ProjectSummary> findAllById(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return entities.createQuery("select p from ProjectEntity p where p.id in :ids order by p.name",
                ProjectEntity.class).setParameter("ids", ids).getResultList().stream()
                .map(ProjectEntity::toSummary).toList();
    }

    /** Name or owners contain the text, case-insensitively; LIKE's wildcards in it are taken literally. */
    private <T> jakarta.persistence.TypedQuery<T> matching(String select, String text, Class<T> type) {
        return matching(select, text, type, false);
    }

    private <T> jakarta.persistence.TypedQuery<T> matching(String select, String text, Class<T> type,
            boolean descending) {
        String needle = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        boolean all = needle.isEmpty();
        String order = type == Long.class ? "" : " order by p.name" + (descending ? " desc" : "");
        var query = entities.createQuery(select + " from ProjectEntity p" + (all ? "" : " where lower(p.name) like "
                + ":pattern escape '!' or lower(p.owners) like :pattern escape '!'") + order, type);
        if (!all) {
            query.setParameter("pattern", "%" + needle.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        return query;
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

    private static void team(String team) {
        if (!TEAM.matcher(team).matches()) {
            throw new ValidationException("team", "Team '" + team.replaceAll("\\p{Cntrl}", "?") + "' is not a team "
                    + "name: lowercase letters, digits and '-', at most 63.");
        }
    }

    private static void owner(String owner) {
        if (owner == null || !OWNER.matcher(owner).matches()) {
            throw new ValidationException("owners", "Owner '" + (owner == null ? "" : owner.replaceAll("\\p{Cntrl}", "?"))
                    + "' is not valid: use user or team names of lowercase letters, digits, '.', '_' or '-'.");
        }
    }
}
