package dev.plate.argocd.internal;

import static dev.plate.argocd.ApplicationManifests.MANAGED_BY;

import dev.plate.argocd.ApplicationManifests;
import dev.plate.argocd.ApplicationStatus;
import dev.plate.argocd.ApplicationStatuses;
import dev.plate.argocd.ApplicationStatuses.Connection.State;
import dev.plate.base.Subscription;
import dev.plate.cluster.ManagementCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One shared informer (list, then watch) over the Applications labelled as Plate's, feeding a map of small
 * status records of those that are this installation's ({@link Ownership}). The informer's own cache keeps only each object's key (a reduced item store), so memory is
 * that of the records, not of whole Applications with their resource trees and histories.
 */
@Component
class InformedApplicationStatuses implements ApplicationStatuses, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(InformedApplicationStatuses.class);

    private final ManagementCluster connection;
    private final Ownership ownership;
    private final Clock clock;
    private final Map<String, ApplicationStatus> statuses = new ConcurrentHashMap<>();
    private final List<Consumer<ApplicationStatus>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<Connection> state = new AtomicReference<>();
    private volatile SharedIndexInformer<GenericKubernetesResource> informer;
    private volatile boolean running;
    /** Counts informers started; events of a stopped one (another cluster) are ignored. */
    private volatile int generation;
    private final ArgoCdThreads threads;
    private java.util.concurrent.ScheduledFuture<?> watchdog;

    InformedApplicationStatuses(ManagementCluster connection, Ownership ownership, Clock clock,
            ArgoCdThreads threads) {
        this.threads = threads;
        this.connection = connection;
        this.ownership = ownership;
        this.clock = clock;
        state.set(initialState());
        connection.onChange(this::restart);
    }

    private Connection initialState() {
        return connection.client().isPresent()
                ? new Connection(State.CONNECTING, clock.instant(), "Listing Argo CD's Applications…")
                : new Connection(State.NOT_CONFIGURED, clock.instant(),
                        "No cluster configured: changes are committed to Git, Argo CD is not connected.");
    }

    /** Another cluster (or none) was saved: what the old one reported no longer holds. */
    private synchronized void restart() {
        boolean wasRunning = running;
        stop();
        statuses.clear();
        state.set(initialState());
        if (wasRunning) {
            start();
        }
    }

    @Override
    public Optional<ApplicationStatus> of(String project, String environment) {
        return Optional.ofNullable(statuses.get(ApplicationManifests.applicationName(project, environment)));
    }

    @Override
    public Collection<ApplicationStatus> all() {
        return Collections.unmodifiableCollection(statuses.values());
    }

    @Override
    public Connection connection() {
        return state.get();
    }

    @Override
    public Subscription subscribe(Consumer<ApplicationStatus> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public synchronized void start() {
        running = true;
        connection.client().ifPresent(client -> {
            informer = client.genericKubernetesResources(ArgoCdResources.APPLICATION)
                    .inNamespace(connection.namespace()).withLabel(MANAGED_BY, "plate")
                    // Listed in pages: thousands of whole Applications never sit in one response in memory.
                    .withLimit(500L).runnableInformer(0);
            informer.itemStore(new ReducedStateItemStore<>(ReducedStateItemStore.NAME_KEY_STATE,
                    GenericKubernetesResource.class, client.getKubernetesSerialization()));
            int of = ++generation;
            informer.addEventHandler(new Handler(of));
            informer.exceptionHandler((started, failure) -> {
                if (of != generation) {
                    return false; // an informer of a connection no longer in use
                }
                lost(KubernetesProblems.describe(failure, connection.namespace()));
                return true; // keep trying: the status recovers by itself when the API server is back
            });
            // Live only once the watch runs too (listed but not yet watching would miss changes); the
            // watchdog below notices that within two seconds.
            informer.start();
            watchdog = threads.everyTwoSeconds(this::checkWatch);
        });
    }

    /** The informer reconnects by itself; this only keeps the connection state honest in both directions. */
    private void checkWatch() {
        var current = informer;
        if (current == null) {
            return;
        }
        if (current.isWatching() && current.hasSynced()) {
            live();
        } else if (state.get().state() == State.LIVE) {
            lost("The watch on Argo CD's Applications was interrupted; reconnecting.");
        }
    }

    private void live() {
        var previous = state.getAndUpdate(now -> now.state() == State.LIVE ? now
                : new Connection(State.LIVE, clock.instant(), "Watching " + statuses.size() + " Applications in "
                        + connection.namespace()));
        if (previous.state() != State.LIVE) {
            LOG.info("Watching Argo CD's Applications in {} ({} now known)", connection.namespace(), statuses.size());
        }
    }

    private void lost(String detail) {
        var previous = state.getAndUpdate(now -> now.state() == State.UNKNOWN ? new Connection(State.UNKNOWN,
                now.since(), detail) : new Connection(State.UNKNOWN, clock.instant(), detail));
        if (previous.state() != State.UNKNOWN) {
            LOG.warn("Lost the watch on Argo CD: {}", detail);
        }
    }

    private void publish(ApplicationStatus status) {
        for (var listener : listeners) {
            try {
                listener.accept(status);
            } catch (RuntimeException e) {
                LOG.warn("A status listener failed on {}", status.application(), e);
            }
        }
    }

    private final class Handler implements ResourceEventHandler<GenericKubernetesResource> {

        private final int of;

        Handler(int of) {
            this.of = of;
        }

        @Override
        public void onAdd(GenericKubernetesResource app) {
            update(app);
        }

        @Override
        public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource app) {
            update(app);
        }

        @Override
        public void onDelete(GenericKubernetesResource app, boolean finalStateUnknown) {
            if (of != generation) {
                return;
            }
            forget(app);
        }

        private void forget(GenericKubernetesResource app) {
            var last = statuses.remove(app.getMetadata().getName());
            if (last != null) {
                publish(StatusReader.removed(last, clock.instant()));
            }
        }

        private void update(GenericKubernetesResource app) {
            if (of != generation) {
                return;
            }
            if (!ownership.ours(dev.plate.argocd.ArgoCdObject.Kind.APPLICATION, app)) {
                forget(app); // another Plate's (or a look-alike): not one of this Plate's applications
                return;
            }
            var next = StatusReader.read(app, clock.instant());
            var previous = statuses.put(next.application(), next);
            if (previous == null || !sameState(previous, next)) {
                publish(next);
            }
        }

        private static boolean sameState(ApplicationStatus a, ApplicationStatus b) {
            return a.sync().equals(b.sync()) && a.health().equals(b.health())
                    && a.healthMessage().equals(b.healthMessage()) && a.syncedRevision().equals(b.syncedRevision())
                    && a.operationPhase().equals(b.operationPhase())
                    && a.operationMessage().equals(b.operationMessage())
                    && a.operationRevision().equals(b.operationRevision());
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        generation++; // events still in flight from the stopped informer are ignored
        if (watchdog != null) {
            watchdog.cancel(false);
            watchdog = null;
        }
        if (informer != null) {
            informer.stop();
            informer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Not stopped when a test context is paused (it only matters there): closing a watch while fabric8's mock API
     * server still has events queued for it blocks that server for up to a minute, for every client.
     */
    @Override
    public boolean isPauseable() {
        return false;
    }
}
