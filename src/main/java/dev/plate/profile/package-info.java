/**
 * The signed-in person's own page ({@code /profile}): who they are and their password (through module
 * {@code security}'s {@link dev.plate.security.UserService}), then the sections other modules add through
 * {@link dev.plate.security.ProfileSection} (access tokens, from {@code tokens}). A module of its own because it
 * only composes theirs.
 */
package dev.plate.profile;
