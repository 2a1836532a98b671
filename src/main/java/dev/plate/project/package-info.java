/**
 * Projects as rows: name, image, port, health path, owners, dependencies
 * ({@link dev.plate.project.ProjectService}). Importing or removing one is a commit: that is {@code deployment}'s.
 */
package dev.plate.project;
