package dev.plate.cluster.internal;

import dev.plate.base.ValidationException;
import dev.plate.cluster.ClusterConnection;
import dev.plate.cluster.ClusterConnection.Mode;
import dev.plate.cluster.ClusterProperties;
import dev.plate.cluster.ManagementCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The client for the management cluster, when one is configured: from {@code PLATE_ARGOCD_*} at start, replaced
 * at run time when an admin saves another connection (listeners, such as the status watch, then restart). Public
 * for tests of other modules, which connect to a test cluster as {@code PLATE_ARGOCD_KUBECONFIG} would; their main
 * code sees only {@link ManagementCluster} (ArchitectureTest).
 */
@Component
public class KubernetesConnection implements ManagementCluster, DisposableBean {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Active active;

    static {
        // The client would otherwise fall back to ~/.kube/config (and run its exec plugins) when it configures
        // itself in a pod, or refreshes a token: Plate's connection is only ever what an admin gave it.
        System.setProperty(Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY, "false");
    }

    public KubernetesConnection(ClusterProperties properties) {
        Mode mode = properties.inCluster() ? Mode.IN_CLUSTER : properties.kubeconfig().isBlank() ? Mode.NONE
                : Mode.KUBECONFIG;
        try {
            this.active = open(new ClusterConnection(mode, mode == Mode.KUBECONFIG
                    ? Optional.of(kubeconfig(properties.kubeconfig())) : Optional.empty(), properties.namespace()),
                    mode == Mode.NONE ? "none" : "environment");
        } catch (ValidationException e) {
            throw new IllegalStateException("PLATE_ARGOCD_KUBECONFIG (plate.argocd.kubeconfig) is refused: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Optional<KubernetesClient> client() {
        return Optional.ofNullable(active.client());
    }

    @Override
    public String namespace() {
        return active.namespace();
    }

    @Override
    public Active active() {
        return active;
    }

    /** Switches to another connection; the old client is closed once the listeners have moved on. */
    synchronized void switchTo(ClusterConnection connection, String source) {
        Active previous = active;
        active = open(connection, source);
        listeners.forEach(Runnable::run);
        if (previous.client() != null) {
            previous.client().close();
        }
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * A client for the connection (none for {@link Mode#NONE}); the kubeconfig must be present for KUBECONFIG, and
     * is refused when it would run a program or read a file ({@link KubeconfigPolicy}).
     */
    static Active open(ClusterConnection connection, String source) {
        if (connection.mode() == Mode.NONE) {
            return new Active(null, connection.namespace(), Mode.NONE, source);
        }
        Config base = connection.mode() == Mode.IN_CLUSTER ? Config.autoConfigure(null)
                : Config.fromKubeconfig(KubeconfigPolicy.requireDataOnly(connection.kubeconfig().orElseThrow()));
        // Short timeouts: a status page must say "unreachable" within seconds, not hang. The watch reconnects
        // within a few seconds once the API server is back.
        Config config = new ConfigBuilder(base).withConnectionTimeout(5_000).withRequestTimeout(10_000)
                .withRequestRetryBackoffLimit(1).withRequestRetryBackoffInterval(200)
                .withWatchReconnectInterval(1_000).withWatchReconnectLimit(-1).build();
        return new Active(new KubernetesClientBuilder().withConfig(config).build(), connection.namespace(),
                connection.mode(), source);
    }

    /** A path to a kubeconfig file, or the file's content itself (as a Secret often provides it). */
    private static String kubeconfig(String value) {
        if (value.contains("\n") || value.contains("apiVersion")) {
            return value;
        }
        try {
            return Files.readString(Path.of(value));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the kubeconfig file " + value + " (plate.argocd.kubeconfig): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        if (active.client() != null) {
            active.client().close();
        }
    }
}
