/**
 * The pages people work in: Projects (the grid), a project, one environment of a project (history, configuration,
 * rendered files) and importing a project, with their dialogs and forms. Views only ({@code ui/}): they call the services of {@code deployment}, {@code project},
 * {@code environment} and {@code argocd}; nothing depends on this module, as on {@code dashboard}.
 */
package dev.plate.projects;
