package dev.plate.deployment;

import dev.plate.project.NewProject;

/** A project to import, and the image tag every environment starts with. */
public record ImportRequest(NewProject project, String initialImageTag) {}
