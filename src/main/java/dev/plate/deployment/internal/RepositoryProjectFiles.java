package dev.plate.deployment.internal;

import dev.plate.base.NotFoundException;
import dev.plate.deployment.ProjectFiles;
import dev.plate.environment.EnvironmentService;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepoLayout;
import dev.plate.project.ProjectService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reads the chart and one environment's files straight from the config repository's head. */
@Service
class RepositoryProjectFiles implements ProjectFiles {

    /** A chart is a handful of files; this bounds a repository someone filled by hand. */
    private static final int MAX_FILES = 200;

    private final ConfigRepository repository;
    private final ProjectService projects;
    private final EnvironmentService environments;

    RepositoryProjectFiles(ConfigRepository repository, ProjectService projects, EnvironmentService environments) {
        this.repository = repository;
        this.projects = projects;
        this.environments = environments;
    }

    @Override
    public List<RepositoryFile> of(String project, String environment) {
        var found = projects.find(project == null ? "" : project)
                .orElseThrow(() -> new NotFoundException("There is no project named '" + project + "'."));
        var env = environments.find(environment == null ? "" : environment)
                .orElseThrow(() -> new NotFoundException("There is no environment named '" + environment + "'."));
        var files = new ArrayList<RepositoryFile>();
        for (String path : List.of(RepoLayout.valuesFile(found.name(), env.name()),
                RepoLayout.applicationFile(found.name(), env.name()))) {
            repository.read(path).ifPresent(content -> files.add(file(path, content)));
        }
        collect(RepoLayout.chartDir(found.name()), files);
        return files;
    }

    @Override
    public java.util.Optional<String> commitUrl(String sha) {
        return repository.commitUrl(sha);
    }

    /**
     * Depth first, files of a directory before its subdirectories (Chart.yaml, values.yaml, then templates/), and
     * hidden files such as .helmignore last.
     */
    private void collect(String directory, List<RepositoryFile> files) {
        var subdirectories = new ArrayList<String>();
        var names = new ArrayList<>(repository.children(directory));
        names.sort(java.util.Comparator.comparing((String name) -> name.startsWith(".")));
        for (String name : names) {
            if (files.size() >= MAX_FILES) {
                return;
            }
            String path = directory + "/" + name;
            repository.read(path).ifPresentOrElse(content -> files.add(file(path, content)),
                    () -> subdirectories.add(path));
        }
        subdirectories.forEach(path -> collect(path, files));
    }

    private static RepositoryFile file(String path, byte[] content) {
        return new RepositoryFile(path, new String(content, StandardCharsets.UTF_8));
    }
}
