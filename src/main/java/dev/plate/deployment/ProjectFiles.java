package dev.plate.deployment;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/** The files Plate generated for a project, as they are in the config repository now (read-only). */
public interface ProjectFiles {

    /** @param path relative to the config repository's root */
    record RepositoryFile(String path, String content) {}

    /**
     * What Argo CD renders for one environment: the environment's values and Application, then the project's
     * chart (every file under {@code charts/<app>/}, hidden files last). Unknown project or environment: {@link dev.plate.base.NotFoundException}.
     */
    @PreAuthorize("hasRole('VIEWER')")
    List<RepositoryFile> of(String project, String environment);

    /** The web page of a commit of the config repository, where its host has one (Gitea). */
    @PreAuthorize("hasRole('VIEWER')")
    java.util.Optional<String> commitUrl(String sha);
}
