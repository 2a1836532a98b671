package dev.plate.support;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A management cluster for tests: fabric8's mock API server in CRUD mode knowing Argo CD's two kinds (without a
 * status subresource, as in Argo CD's real CRD) and server-side apply ({@link ServerSideApply}), and a second
 * client that plays the Argo CD controller by writing {@code status} the way Argo CD does.
 */
public final class ArgoCdCluster implements AutoCloseable {

    public static final String NAMESPACE = "argocd";
    public static final ResourceDefinitionContext APPLICATION = context("Application", "applications");
    public static final ResourceDefinitionContext APP_PROJECT = context("AppProject", "appprojects");

    private static ArgoCdCluster shared;
    /** The mock server logs every request at INFO through java.util.logging; held here so the level sticks. */
    private static final java.util.logging.Logger MOCK_LOG = quiet();

    private KubernetesMockServer server;
    private KubernetesClient controller;
    private int port;

    public ArgoCdCluster() {
        start(0);
    }

    /** One cluster for every Spring context of the test JVM that connects to one; never stopped. */
    public static synchronized ArgoCdCluster shared() {
        if (shared == null) {
            shared = new ArgoCdCluster();
        }
        return shared;
    }

    private void start(int wantedPort) {
        var crds = List.of(crd("Application", "applications"), crd("AppProject", "appprojects"));
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new ServerSideApply(crds), false);
        crds.forEach(server::expectCustomResource);
        try {
            server.init(InetAddress.getLoopbackAddress(), wantedPort);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not start the mock API server on port " + wantedPort, e);
        }
        port = server.getPort();
        controller = server.createClient();
    }

    /** The API server goes away (connections refused) until {@link #restart()}; what it held is lost. */
    public void stop() {
        controller.close();
        server.destroy();
    }

    /** A fresh, empty API server on the same address. */
    public void restart() {
        start(port);
    }

    /** A kubeconfig file's content, as an operator would give it to Plate. */
    public String kubeconfig() {
        String url = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port;
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: test
                  cluster:
                    server: %s
                users:
                - name: plate
                  user:
                    token: test-token
                contexts:
                - name: test
                  context:
                    cluster: test
                    user: plate
                    namespace: %s
                current-context: test
                """.formatted(url, NAMESPACE);
    }

    public KubernetesClient client() {
        return controller;
    }

    public GenericKubernetesResource application(String name) {
        return controller.genericKubernetesResources(APPLICATION).inNamespace(NAMESPACE).withName(name).get();
    }

    public GenericKubernetesResource appProject(String name) {
        return controller.genericKubernetesResources(APP_PROJECT).inNamespace(NAMESPACE).withName(name).get();
    }

    public List<GenericKubernetesResource> applications() {
        return controller.genericKubernetesResources(APPLICATION).inNamespace(NAMESPACE).list().getItems();
    }

    /** Argo CD has noticed a change it has not applied yet. */
    public void outOfSync(String name, String revision) {
        status(name, Map.of("sync", Map.of("status", "OutOfSync", "revision", revision),
                "health", Map.of("status", "Healthy")));
    }

    /** Argo CD is applying {@code revision}. */
    public void progressing(String name, String revision) {
        status(name, Map.of("sync", Map.of("status", "Synced", "revision", revision),
                "health", Map.of("status", "Progressing", "message", "Waiting for rollout to finish"),
                "operationState", Map.of("phase", "Running", "message", "syncing",
                        "syncResult", Map.of("revision", revision))));
    }

    public void healthy(String name, String revision) {
        status(name, Map.of("sync", Map.of("status", "Synced", "revision", revision),
                "health", Map.of("status", "Healthy"),
                "operationState", Map.of("phase", "Succeeded", "message", "successfully synced (all tasks run)",
                        "syncResult", Map.of("revision", revision))));
    }

    public void degraded(String name, String revision, String message) {
        status(name, Map.of("sync", Map.of("status", "Synced", "revision", revision),
                "health", Map.of("status", "Degraded", "message", message)));
    }

    public void syncFailed(String name, String revision, String message) {
        status(name, Map.of("sync", Map.of("status", "OutOfSync", "revision", revision),
                "health", Map.of("status", "Healthy"),
                "operationState", Map.of("phase", "Failed", "message", message,
                        "syncResult", Map.of("revision", revision))));
    }

    /** Writes status through the main resource, as Argo CD's controller does (the CRD has no status subresource). */
    public void status(String name, Map<String, Object> status) {
        // Argo CD writes its whole status each time; a merge patch alone would keep keys of the last one.
        var app = controller.genericKubernetesResources(APPLICATION).inNamespace(NAMESPACE).withName(name);
        app.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":null}");
        app.patch(PatchContext.of(PatchType.JSON_MERGE), controller.getKubernetesSerialization().asJson(Map.of("status", status)));
    }

    /** What Argo CD does once it has deleted an Application's resources: drops its finalizer. */
    public void finishDeletion(String name) {
        controller.genericKubernetesResources(APPLICATION).inNamespace(NAMESPACE).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
    }

    @Override
    public void close() {
        stop();
    }

    private static java.util.logging.Logger quiet() {
        var logger = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    private static ResourceDefinitionContext context(String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup("argoproj.io").withVersion("v1alpha1")
                .withKind(kind).withPlural(plural).withNamespaced(true).build();
    }

    private static CustomResourceDefinitionContext crd(String kind, String plural) {
        return new CustomResourceDefinitionContext.Builder().withGroup("argoproj.io").withVersion("v1alpha1")
                .withKind(kind).withPlural(plural).withScope("Namespaced").withName(plural + ".argoproj.io").build();
    }
}
