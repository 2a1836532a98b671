package dev.plate.argocdserver;

import java.time.Instant;

/** One line of a container's log, with the pod it came from (several pods' lines are merged). */
public record LogLine(String pod, Instant at, String content) {}
