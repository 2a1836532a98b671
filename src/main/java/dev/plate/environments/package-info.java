/**
 * The Environments page: the promotion path every project follows (dev → staging → prod, one cluster each), and
 * for admins adding, changing, reordering and removing environments. Views only ({@code ui/}), like
 * {@code projects}: they call {@code environment} to read and {@code deployment}'s environment administration to
 * change (which commits {@code environments/<env>.yaml}); nothing depends on this module.
 */
package dev.plate.environments;
