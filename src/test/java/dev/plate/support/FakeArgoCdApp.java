package dev.plate.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Argo CD Application of the double (Plate names them {@code <project>-<environment>}) and the live objects
 * of its resource tree: Deployments with their ReplicaSet and pods, Services, Ingresses, HPAs, and the events
 * Kubernetes recorded about them. Names, uids and pod names are derived from the inputs, so every run builds
 * the same tree.
 */
public final class FakeArgoCdApp {

    /** Where Argo CD keeps Applications, and so where the Application's own events are. */
    static final String NAMESPACE = "argocd";

    /** Kubernetes' alphabet for generated name suffixes (no vowels, no confusable digits). */
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final Instant CREATED = Instant.parse("2026-12-02T15:00:00Z");
    private static final int HOSTS = 3;

    private final String name;
    private final Object lock;
    private final ArgoCdClock clock;
    private final AtomicLong versions;
    private final List<ArgoCdTreeNode> nodes = new ArrayList<>();
    private final Map<String, FakeArgoCdPod> pods = new LinkedHashMap<>();
    private final java.util.Set<String> outOfSync = new java.util.HashSet<>();
    private final List<ArgoCdEvent> events = new ArrayList<>();
    private String project = "default";

    FakeArgoCdApp(String name, Object lock, ArgoCdClock clock, AtomicLong versions) {
        this.name = name;
        this.lock = lock;
        this.clock = clock;
        this.versions = versions;
    }

    public String name() {
        return name;
    }

    public String uid() {
        return uid("argoproj.io/v1alpha1", "Application", NAMESPACE, name);
    }

    /** The Argo CD project the Application belongs to ("default" unless set). */
    public FakeArgoCdApp project(String project) {
        synchronized (lock) {
            this.project = project;
        }
        return this;
    }

    public String project() {
        synchronized (lock) {
            return project;
        }
    }

    /** A Deployment, its ReplicaSet and {@code replicas} running pods whose one container is named like it. */
    public FakeArgoCdApp deployment(String name, String namespace, String image, int replicas) {
        synchronized (lock) {
            var deployment = add("apps/v1", "Deployment", namespace, name, null);
            String hash = suffix(name + "|" + image, 10);
            var replicaSet = add("apps/v1", "ReplicaSet", namespace, name + "-" + hash, deployment);
            deployment.live(ArgoCdLiveStates.deployment(() -> podsUnder(deployment)));
            replicaSet.live(ArgoCdLiveStates.replicaSet(() -> podsUnder(replicaSet)));
            var labels = Map.of("app.kubernetes.io/name", name, "app.kubernetes.io/instance", name,
                    "pod-template-hash", hash);
            for (int i = 0; i < replicas; i++) {
                String podName = uniquePodName(replicaSet.name, i);
                var node = add("v1", "Pod", namespace, podName, replicaSet);
                String host = "worker-" + (pods.size() % HOSTS + 1);
                pods.put(podName, new FakeArgoCdPod(node, lock, clock, host, labels, name, image));
            }
        }
        return this;
    }

    /** A ClusterIP Service selecting the pods of the Deployment of the same name. */
    public FakeArgoCdApp service(String name, String namespace) {
        synchronized (lock) {
            add("v1", "Service", namespace, name, null).live(ArgoCdLiveStates.service(
                    Map.of("app.kubernetes.io/instance", name, "app.kubernetes.io/name", name)));
        }
        return this;
    }

    /** An Ingress for {@code host} with TLS, to the Service of the same name. */
    public FakeArgoCdApp ingress(String name, String namespace, String host) {
        synchronized (lock) {
            add("networking.k8s.io/v1", "Ingress", namespace, name, null)
                    .live(ArgoCdLiveStates.ingress(namespace, name, host));
        }
        return this;
    }

    public FakeArgoCdApp hpa(String name, String namespace) {
        synchronized (lock) {
            add("autoscaling/v2", "HorizontalPodAutoscaler", namespace, name, null).live(ArgoCdLiveStates.hpa());
        }
        return this;
    }

    /** The pods of the Deployment named so, in the order they were made. */
    public List<String> pods(String deployment) {
        synchronized (lock) {
            return pods.values().stream().filter(pod -> pod.node.parent.parent.name.equals(deployment))
                    .map(FakeArgoCdPod::name).toList();
        }
    }

    public List<String> pods() {
        synchronized (lock) {
            return List.copyOf(pods.keySet());
        }
    }

    public FakeArgoCdPod pod(String name) {
        synchronized (lock) {
            var pod = pods.get(name);
            if (pod == null) {
                throw new IllegalArgumentException("no pod " + name + " in " + this.name + ": " + pods.keySet());
            }
            return pod;
        }
    }

    /** The uid of the tree's object of this kind and name, which a request for its events must send. */
    public String uid(String kind, String name) {
        return node(kind, name).uid;
    }

    /** An event about the object with this uid, or this name if only one object has it. */
    public FakeArgoCdApp event(String nameOrUid, String type, String reason, String message) {
        synchronized (lock) {
            var matching = nodes.stream().filter(n -> n.uid.equals(nameOrUid) || n.name.equals(nameOrUid)).toList();
            if (matching.size() != 1) {
                throw new IllegalArgumentException(matching.size() + " objects in " + name + " are named or have uid "
                        + nameOrUid + "; say which kind: event(kind, name, ...)");
            }
            record(subject(matching.getFirst()), type, reason, message);
        }
        return this;
    }

    public FakeArgoCdApp event(String kind, String name, String type, String reason, String message) {
        synchronized (lock) {
            record(subject(node(kind, name)), type, reason, message);
        }
        return this;
    }

    /** An event about the Application itself (Argo CD records syncs and health changes so). */
    public FakeArgoCdApp applicationEvent(String type, String reason, String message) {
        synchronized (lock) {
            record(applicationSubject(), type, reason, message);
        }
        return this;
    }

    ArgoCdEvent.Subject applicationSubject() {
        return new ArgoCdEvent.Subject("argoproj.io/v1alpha1", "Application", NAMESPACE, name, uid(), "");
    }

    /** Argo CD reports this managed resource OutOfSync (Git wants something else), until {@link #synced}. */
    public FakeArgoCdApp outOfSync(String kind, String name) {
        synchronized (lock) {
            outOfSync.add(kind + "/" + name);
        }
        return this;
    }

    public FakeArgoCdApp synced(String kind, String name) {
        synchronized (lock) {
            outOfSync.remove(kind + "/" + name);
        }
        return this;
    }

    /**
     * v1alpha1Application as GET /api/v1/applications/{name} answers, reduced to what a reader of sync needs: its
     * metadata and status.sync and status.resources (the managed resources, each with its sync status).
     */
    ObjectNode application() {
        synchronized (lock) {
            var application = ArgoCdJson.object();
            application.putObject("metadata").put("name", name).put("namespace", NAMESPACE).put("uid", uid());
            var status = application.putObject("status");
            var resources = status.putArray("resources");
            nodes.stream().filter(node -> node.parent == null).sorted(Comparator.comparing(ArgoCdTreeNode::fullName))
                    .forEach(node -> resources.add(node.toResourceStatus(outOfSync.contains(node.kind + "/"
                            + node.name) ? "OutOfSync" : "Synced")));
            status.putObject("sync").put("status", outOfSync.isEmpty() ? "Synced" : "OutOfSync");
            return application;
        }
    }

    /** v1alpha1ApplicationTree: nodes sorted as Normalize sorts them, and the hosts their pods run on. */
    ObjectNode tree() {
        synchronized (lock) {
            var tree = ArgoCdJson.object();
            var json = tree.putArray("nodes");
            nodes.stream().sorted(Comparator.comparing(ArgoCdTreeNode::fullName)).map(ArgoCdTreeNode::toJson)
                    .forEach(json::add);
            if (!pods.isEmpty()) {
                var hosts = tree.putArray("hosts");
                pods.values().stream().map(FakeArgoCdPod::host).distinct().sorted().forEach(host -> hosts.add(
                        ArgoCdLiveStates.host(host, pods.values().stream().filter(pod -> pod.host().equals(host)).count())));
            }
            return tree;
        }
    }

    /** The tree's object with exactly this name, namespace and uid (ListResourceEvents' check). */
    Optional<ArgoCdTreeNode> node(String name, String namespace, String uid) {
        synchronized (lock) {
            return nodes.stream().filter(n -> n.name.equals(name) && n.namespace.equals(namespace) && n.uid.equals(uid))
                    .findFirst();
        }
    }

    ObjectNode eventList(ArgoCdEvent.Subject subject) {
        synchronized (lock) {
            var list = ArgoCdJson.object();
            list.putObject("metadata").put("resourceVersion", String.valueOf(versions.get()));
            var items = list.putArray("items");
            events.stream().filter(event -> event.subject.equals(subject))
                    .forEach(event -> items.add(event.toJson()));
            return list;
        }
    }

    ArgoCdEvent.Subject subject(ArgoCdTreeNode node) {
        String host = node.kind.equals("Pod") ? pods.get(node.name).host() : "";
        return new ArgoCdEvent.Subject(node.apiVersion(), node.kind, node.namespace, node.name, node.uid, host);
    }

    /** The pods a log request selects: those matching, or with an ancestor matching (getSelectedPods). */
    List<FakeArgoCdPod> selectPods(String group, String kind, String name, String namespace) {
        synchronized (lock) {
            return pods.values().stream().filter(pod -> {
                for (var node = pod.node; node != null; node = node.parent) {
                    if (node.matches(group, kind, name, namespace)) {
                        return true;
                    }
                }
                return false;
            }).toList();
        }
    }

    private void record(ArgoCdEvent.Subject subject, String type, String reason, String message) {
        Instant time = clock.tick();
        for (ArgoCdEvent event : events) {
            if (event.sameAs(subject, type, reason, message)) {
                event.repeat(time, versions.incrementAndGet());
                return;
            }
        }
        events.add(new ArgoCdEvent(subject, type, reason, message, uid("v1", "Event", subject.name(), time.toString()),
                time, versions.incrementAndGet()));
    }

    private ArgoCdTreeNode node(String kind, String name) {
        synchronized (lock) {
            return nodes.stream().filter(n -> n.kind.equals(kind) && n.name.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no " + kind + " " + name + " in " + this.name));
        }
    }

    private List<FakeArgoCdPod> podsUnder(ArgoCdTreeNode owner) {
        synchronized (lock) {
            return pods.values().stream()
                    .filter(pod -> pod.node.parent == owner || pod.node.parent.parent == owner).toList();
        }
    }

    private ArgoCdTreeNode add(String apiVersion, String kind, String namespace, String name, ArgoCdTreeNode parent) {
        var node = new ArgoCdTreeNode(apiVersion, kind, namespace, name, parent,
                uid(apiVersion, kind, namespace, name), CREATED, String.valueOf(versions.incrementAndGet()));
        nodes.add(node);
        return node;
    }

    private String uid(String... parts) {
        return UUID.nameUUIDFromBytes((this.name + "|" + String.join("|", parts)).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** A ReplicaSet's pod name: its name and five characters, distinct within the app. */
    private String uniquePodName(String replicaSet, int index) {
        var taken = new HashSet<>(pods.keySet());
        for (int attempt = 0; ; attempt++) {
            String candidate = replicaSet + "-" + suffix(replicaSet + "|" + index + "|" + attempt, 5);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static String suffix(String seed, int length) {
        var random = new java.util.Random(seed.hashCode());
        var suffix = new StringBuilder();
        for (int i = 0; i < length; i++) {
            suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return suffix.toString();
    }
}
