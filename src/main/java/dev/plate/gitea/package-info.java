/**
 * The Gitea client: the REST calls Plate makes (as in Gitea's swagger: version, user, organisation,
 * repositories, webhooks), with timeouts and errors a person can act on.
 */
package dev.plate.gitea;
