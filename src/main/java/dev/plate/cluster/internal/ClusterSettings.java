package dev.plate.cluster.internal;

import dev.plate.audit.AuditLog;
import dev.plate.base.ValidationException;
import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.chart.KubernetesNames;
import dev.plate.cluster.ClusterAdministration;
import dev.plate.cluster.ClusterConnection;
import dev.plate.cluster.ClusterConnection.Mode;
import dev.plate.cluster.ClusterProbe;
import dev.plate.cluster.ManagementCluster;
import dev.plate.security.CurrentUser;
import dev.plate.settings.Settings;
import io.fabric8.kubernetes.client.Config;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The cluster connection an admin saved, which takes precedence over {@code PLATE_ARGOCD_*}. The kubeconfig
 * is stored sealed ({@link dev.plate.settings.SecretBox}) and never returned; saving switches the running
 * Plate over at once. Loaded at start, before the status watch begins.
 */
@Service
class ClusterSettings implements ClusterAdministration, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSettings.class);
    static final String MODE = "argocd.mode";
    static final String KUBECONFIG = "argocd.kubeconfig";
    static final String NAMESPACE = "argocd.namespace";
    private static final int MAX_KUBECONFIG = 256 * 1024;

    private final Settings settings;
    private final KubernetesConnection connection;
    private final ClusterProbe probe;
    private final AuditLog audit;
    private final CurrentUser user;
    private volatile boolean running;
    private volatile boolean loaded;
    /** The saved rows this instance last applied, to notice a save made on another instance. */
    private volatile Optional<java.time.Instant> applied = Optional.empty();

    ClusterSettings(Settings settings, KubernetesConnection connection, ClusterProbe probe, AuditLog audit,
            CurrentUser user) {
        this.settings = settings;
        this.connection = connection;
        this.probe = probe;
        this.audit = audit;
        this.user = user;
    }

    @Override
    public ClusterConnection.Current current() {
        var active = connection.active();
        return new ClusterConnection.Current(active.mode(), settings.get(KUBECONFIG).isPresent(), active.namespace(),
                active.source());
    }

    @Override
    public ComponentStatus test(ClusterConnection requested) {
        ClusterConnection complete = complete(requested);
        if (complete.mode() == Mode.NONE) {
            return new ComponentStatus(ClusterProbe.COMPONENT, State.NOT_CONFIGURED,
                    "Not connected: deployments are committed to Git only.");
        }
        var trial = open(complete);
        try {
            return probe.probe(trial.client(), trial.namespace(), ": the connection works.");
        } finally {
            trial.client().close();
        }
    }

    @Override
    @Transactional
    public ComponentStatus save(ClusterConnection requested) {
        ClusterConnection complete = complete(requested);
        var trial = open(complete); // refuses what cannot become a client, before anything is stored
        if (trial.client() != null) {
            trial.client().close();
        }
        var values = new LinkedHashMap<String, Optional<String>>();
        values.put(MODE, Optional.of(complete.mode().name()));
        values.put(NAMESPACE, Optional.of(complete.namespace()));
        values.put(KUBECONFIG, complete.mode() == Mode.KUBECONFIG ? complete.kubeconfig() : Optional.empty());
        String actor = actor();
        settings.put(values, Set.of(KUBECONFIG), actor);
        audit.record(actor, "integration.argocd.saved", "integration:argocd", "mode " + complete.mode()
                + ", namespace " + complete.namespace() + (requested.kubeconfig().isPresent() ? ", new kubeconfig" : ""));
        applied = settings.lastChanged("argocd.");
        // Switch only once the settings are really stored: a failed commit must leave the old connection in use.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                connection.switchTo(complete, "saved");
            }
        });
        return complete.mode() == Mode.NONE ? new ComponentStatus(ClusterProbe.COMPONENT, State.NOT_CONFIGURED,
                "Saved: not connected.") : test(complete);
    }

    /** Validates a request and fills in the saved kubeconfig when the admin did not paste a new one. */
    private ClusterConnection complete(ClusterConnection requested) {
        if (requested.mode() == null) {
            throw new ValidationException("mode", "Choose how Plate connects: not at all, with a kubeconfig, or "
                    + "with the service account of the pod it runs in.");
        }
        String namespace = KubernetesNames.dnsLabel("namespace", requested.namespace() == null ? ""
                : requested.namespace().trim());
        Optional<String> kubeconfig = requested.kubeconfig().map(String::strip).filter(k -> !k.isEmpty());
        if (requested.mode() == Mode.KUBECONFIG) {
            if (kubeconfig.isEmpty()) {
                kubeconfig = settings.get(KUBECONFIG);
            }
            String content = kubeconfig.orElseThrow(() -> new ValidationException("kubeconfig",
                    "Paste the kubeconfig of the cluster where Argo CD runs."));
            if (content.length() > MAX_KUBECONFIG) {
                throw new ValidationException("kubeconfig", "That is larger than " + MAX_KUBECONFIG / 1024
                        + " KB: paste a kubeconfig with just this cluster's context.");
            }
            requireKubeconfig(content);
        }
        return new ClusterConnection(requested.mode(), requested.mode() == Mode.KUBECONFIG ? kubeconfig
                : Optional.empty(), namespace);
    }

    private static void requireKubeconfig(String content) {
        KubeconfigPolicy.requireDataOnly(content); // before the client parses it: parsing may run its exec command
        try {
            Config config = Config.fromKubeconfig(content);
            if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
                throw new ValidationException("kubeconfig", "The kubeconfig's current context names no cluster server.");
            }
        } catch (ValidationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ValidationException("kubeconfig", "This is not a kubeconfig Plate can use: "
                    + firstLine(e.getMessage()));
        }
    }

    private ManagementCluster.Active open(ClusterConnection connection) {
        try {
            return KubernetesConnection.open(connection, "test");
        } catch (RuntimeException e) {
            throw new ValidationException(connection.mode() == Mode.IN_CLUSTER ? "mode" : "kubeconfig",
                    "Cannot connect this way: " + firstLine(e.getMessage()));
        }
    }

    private String actor() {
        return user.name();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** A connection saved in the browser replaces the one from the environment. */
    @Override
    public void start() {
        running = true;
        if (loaded) {
            return; // started again after a stop: the connection in use is still the right one
        }
        loaded = true;
        applySaved();
    }

    /** Another instance may have saved a connection: follow it within a few seconds. */
    @org.springframework.scheduling.annotation.Scheduled(initialDelay = 15_000, fixedDelay = 15_000)
    void followOtherInstances() {
        if (running && !settings.lastChanged("argocd.").equals(applied)) {
            applySaved();
        }
    }

    private synchronized void applySaved() {
        try {
            applied = settings.lastChanged("argocd.");
            settings.get(MODE).ifPresent(mode -> {
                var saved = new ClusterConnection(Mode.valueOf(mode), settings.get(KUBECONFIG),
                        settings.get(NAMESPACE).orElse("argocd"));
                connection.switchTo(saved, "saved");
                LOG.info("Argo CD: using the connection saved in Admin → Integrations ({})", mode);
            });
        } catch (RuntimeException e) {
            LOG.error("Argo CD: the saved connection cannot be used ({}); save it again in Admin → Integrations",
                    e.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 200; // before the status watch and the work that uses the connection
    }
}
