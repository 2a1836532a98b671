package dev.plate.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the leader keeps Argo CD's objects in step with Plate ({@code PLATE_ARGOCD_*}).
 *
 * @param reconcileInterval how often every object is compared with what Plate wants (drift, missed writes,
 *     pending removals)
 * @param reconcileInitialDelay the first reconcile after start
 * @param prune whether Plate deletes objects at all ({@code PLATE_ARGOCD_PRUNE=false}: never; removals wait)
 * @param prunePauseFraction deletions pause, for an admin to decide, when a reconcile would delete more than this
 *     share of this Plate's objects…
 * @param prunePauseMinimum …and at least this many of them (or when Plate wants none at all while some exist)
 * @param outboxInterval how often the leader retries the refreshes and syncs Argo CD does not have yet
 */
@ConfigurationProperties("plate.argocd")
public record DeliveryProperties(@DefaultValue("5m") Duration reconcileInterval,
        @DefaultValue("10s") Duration reconcileInitialDelay, @DefaultValue("true") boolean prune,
        @DefaultValue("0.5") double prunePauseFraction, @DefaultValue("5") int prunePauseMinimum,
        @DefaultValue("2s") Duration outboxInterval) {}
