package dev.plate.workloads;

import java.time.Instant;
import java.util.List;

/**
 * Why a deployment failed, gathered at the moment it was decided FAILED or TIMED_OUT and kept with it (logs move
 * on, pods are replaced; this stays). Bounded: a few dozen findings, at most 200 log lines.
 *
 * @param findings one line per unhealthy resource or warning, most telling first (e.g. "Pod shop-7d9
 *     ImagePullBackOff: manifest for ghcr.io/acme/shop:9.9.9 not found")
 * @param logLines the last lines of crashing containers, each prefixed with its pod
 * @param problem why evidence is missing or partial (Argo CD's API server not configured or not answering), or empty
 */
public record FailureEvidence(long deploymentId, Instant gatheredAt, List<String> findings, List<String> logLines,
        String problem) {

    public static final int MAX_LOG_LINES = 200;
    public static final int MAX_FINDINGS = 40;
}
