package dev.plate.deployment;

import dev.plate.project.ProjectSummary;
import java.util.List;

/** What an import created: the project, the commit, and where to clone the config repository. */
public record ImportResult(ProjectSummary project, String commit, String cloneUrl, List<String> environments) {}
