package dev.plate.history;

import dev.plate.chart.AppConfig;
import java.time.Instant;
import java.util.Optional;

/**
 * One change to a project in one environment, as committed.
 *
 * @param fromRevision the config repository's head before the commit
 * @param toRevision the commit that made the change
 * @param finishedAt when Argo CD's report decided the outcome; empty while COMMITTED
 * @param outcome Argo CD's message about it (why it failed, what superseded it), or empty
 */
public record DeploymentRecord(long id, String project, String environment, DeploymentKind kind,
        DeploymentState state, String requestedBy, Instant requestedAt, String imageTag, String fromRevision,
        String toRevision, String summary, AppConfig config, Optional<Instant> finishedAt, String outcome) {}
