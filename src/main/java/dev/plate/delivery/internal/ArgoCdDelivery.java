package dev.plate.delivery.internal;

import dev.plate.argocd.ArgoCd;
import dev.plate.argocd.ArgoCdException;
import dev.plate.argocd.LiveObject;
import dev.plate.argocd.RepositoryAccess;
import dev.plate.deployment.ClusterDelivery;
import dev.plate.environment.EnvironmentSummary;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells Argo CD about each change once it is committed to Git and recorded: a project's objects (the repository
 * credential first), a refresh (and, where the environment does not sync by itself, a sync started as the user:
 * kept in the {@link Outbox} until Argo CD has it), a removal. This runs after the database commit, on one background thread in order: a change Plate accepted is
 * never refused because the cluster is away. Whatever is missed then, the leader's reconcile puts right.
 */
@Component
class ArgoCdDelivery implements ClusterDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ArgoCdDelivery.class);

    private final ArgoCd argoCd;
    private final RepositoryAccess access;
    private final DesiredObjects desired;
    private final RemovalIntents intents;
    private final Removals removals;
    private final ArgoCdReconciler reconciler;
    private final DeliveryThreads threads;
    private final Outbox outbox;
    private final Outcomes outcomes;
    private final Clock clock;

    ArgoCdDelivery(ArgoCd argoCd, RepositoryAccess access, DesiredObjects desired, RemovalIntents intents,
            Removals removals, ArgoCdReconciler reconciler, DeliveryThreads threads, Outbox outbox, Outcomes outcomes,
            Clock clock) {
        this.outbox = outbox;
        this.outcomes = outcomes;
        this.argoCd = argoCd;
        this.access = access;
        this.desired = desired;
        this.intents = intents;
        this.removals = removals;
        this.reconciler = reconciler;
        this.threads = threads;
        this.clock = clock;
    }

    @Override
    public void projectChanged(String project, List<EnvironmentSummary> environments) {
        intents.deleteByProject(project); // imported again: its objects are wanted once more
        environments.forEach(env -> outcomes.expect(project, env.name()));
        afterCommit("write the Argo CD objects of " + project, () -> apply(project, environments));
    }

    private void apply(String project, List<EnvironmentSummary> environments) {
        access.ensure(); // Argo CD must be able to clone before it meets the first Application
        for (var object : desired.of(project, environments)) {
            Optional<LiveObject> live = argoCd.get(object.objectKind(), object.name());
            try {
                argoCd.apply(object, live);
            } catch (dev.plate.argocd.ArgoCdConflictException e) {
                LOG.warn("Argo CD: {}", e.getMessage());
            }
        }
    }

    @Override
    public boolean changeCommitted(long deploymentId, String project, EnvironmentSummary environment, String actor,
            String revision) {
        if (!argoCd.connected()) {
            return false;
        }
        outcomes.expect(project, environment.name());
        long action = outbox.record(deploymentId, project, environment.name(), environment.autoSync()
                ? Optional.empty() : Optional.of(revision), actor);
        afterCommit("refresh " + project + " in " + environment.name(), () -> outbox.deliver(action));
        return true;
    }

    @Override
    public void projectRemoved(String project, String actor) {
        outbox.forget(project);
        intents.findByProject(project).ifPresentOrElse(intent -> { },
                () -> intents.save(new RemovalIntent(project, actor, clock.instant(), false)));
        afterCommit("delete the Argo CD objects of " + project, () -> {
            var objects = argoCd.list().stream().filter(object -> object.project().filter(project::equals).isPresent())
                    .toList();
            removals.delete(objects, () -> true);
        });
    }

    @Override
    public void repositoryMoved() {
        afterCommit("point every Argo CD object at the moved repository", reconciler::reconcileNow);
    }

    @Override
    public List<String> foreignObjects(String project, List<EnvironmentSummary> environments) {
        if (!argoCd.connected()) {
            return List.of();
        }
        var foreign = new ArrayList<String>();
        try {
            for (var object : desired.of(project, environments)) {
                argoCd.get(object.objectKind(), object.name()).filter(live -> !live.ours())
                        .ifPresent(live -> foreign.add(live.describe()));
            }
        } catch (ArgoCdException e) {
            LOG.warn("Argo CD: could not check for objects named like {}'s ({}); the writes still leave others' "
                    + "objects alone", project, e.getMessage());
        }
        return foreign;
    }

    private void afterCommit(String what, Runnable action) {
        if (!argoCd.connected()) {
            return;
        }
        Runnable guarded = () -> {
            try {
                action.run();
            } catch (ArgoCdException e) {
                LOG.warn("Argo CD: {} (the next reconcile retries)", e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Argo CD: could not {}", what, e);
            }
        };
        Runnable submit = () -> {
            if (!threads.submit(guarded)) {
                LOG.warn("Argo CD: could not {} now (stopping, or {} changes waiting); the next reconcile does it",
                        what, DeliveryThreads.QUEUE);
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    submit.run();
                }
            });
        } else {
            submit.run();
        }
    }
}
