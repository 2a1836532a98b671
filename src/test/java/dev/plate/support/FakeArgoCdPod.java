package dev.plate.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pod of a fake Application: its containers, their state and their log lines. A test makes a container crash
 * or fail to pull its image; the pod's tree node then says so the way Argo CD's controller does (Status Reason,
 * Containers, Restart Count, health with the kubelet's message), and a log request gets what the kubelet
 * answers for that state.
 */
public final class FakeArgoCdPod {

    enum State { RUNNING, CRASH_LOOP_BACK_OFF, IMAGE_PULL_BACK_OFF }

    record LogLine(Instant time, String content) {}

    /** What Kubernetes answers a log request for one container: an error message, or lines. */
    record LogSource(String container, String error, List<LogLine> lines, boolean followable) {}

    private static final class Container {
        final String name;
        final String image;
        State state = State.RUNNING;
        int restarts;
        final List<LogLine> current = new ArrayList<>();
        final List<LogLine> previous = new ArrayList<>();

        Container(String name, String image) {
            this.name = name;
            this.image = image;
        }
    }

    private static final long CPU_MILLIS = 100;
    private static final long MEMORY_MILLIBYTES = 128L * 1024 * 1024 * 1000; // 128Mi, as Quantity.MilliValue

    final ArgoCdTreeNode node;
    private final Object lock;
    private final ArgoCdClock clock;
    private final String host;
    private final Map<String, String> labels;
    private final Map<String, Container> containers = new LinkedHashMap<>();

    FakeArgoCdPod(ArgoCdTreeNode node, Object lock, ArgoCdClock clock, String host, Map<String, String> labels,
            String container, String image) {
        this.node = node.live(new Live());
        this.lock = lock;
        this.clock = clock;
        this.host = host;
        this.labels = new TreeMap<>(labels);
        containers.put(container, new Container(container, image));
    }

    public String name() {
        return node.name;
    }

    public String namespace() {
        return node.namespace;
    }

    public String uid() {
        return node.uid;
    }

    /** The Kubernetes node the pod runs on. */
    public String host() {
        return host;
    }

    public List<String> containers() {
        synchronized (lock) {
            return List.copyOf(containers.keySet());
        }
    }

    /** A second container: log requests must then name the container, as Kubernetes insists. */
    public FakeArgoCdPod sidecar(String container, String image) {
        synchronized (lock) {
            containers.put(container, new Container(container, image));
        }
        return this;
    }

    /** The main container crashed {@code restarts} times and waits to be restarted (CrashLoopBackOff). */
    public FakeArgoCdPod crashLoopBackOff(int restarts) {
        return crashLoopBackOff(main(), restarts);
    }

    public FakeArgoCdPod crashLoopBackOff(String container, int restarts) {
        synchronized (lock) {
            var crashing = container(container);
            crashing.state = State.CRASH_LOOP_BACK_OFF;
            crashing.restarts = Math.max(1, restarts);
        }
        return this;
    }

    /** The main container's image cannot be pulled: it never started (ImagePullBackOff, pod Pending). */
    public FakeArgoCdPod imagePullBackOff() {
        synchronized (lock) {
            container(main()).state = State.IMAGE_PULL_BACK_OFF;
        }
        return this;
    }

    /** Every container runs again (restart counts stay, so previous logs stay available). */
    public FakeArgoCdPod running() {
        synchronized (lock) {
            containers.values().forEach(container -> container.state = State.RUNNING);
        }
        return this;
    }

    /** Lines the container's running instance wrote, each a tick of the double's clock later. */
    public FakeArgoCdPod log(String container, String... lines) {
        for (String line : lines) {
            append(container, line);
        }
        return this;
    }

    /** Lines the container's previous (crashed) instance wrote; at least one restart makes them reachable. */
    public FakeArgoCdPod previousLog(String container, String... lines) {
        synchronized (lock) {
            var target = container(container);
            target.restarts = Math.max(1, target.restarts);
            for (String line : lines) {
                target.previous.add(new LogLine(clock.tick(), line));
            }
        }
        return this;
    }

    LogLine append(String container, String content) {
        synchronized (lock) {
            var line = new LogLine(clock.tick(), content);
            container(container).current.add(line);
            return line;
        }
    }

    boolean ready() {
        synchronized (lock) {
            return containers.values().stream().allMatch(container -> container.state == State.RUNNING);
        }
    }

    /**
     * What the API server and the kubelet answer a log request for this pod: the container named or the only
     * one; the crashed instance's lines for a container in CrashLoopBackOff (kubelet's lastState case); the
     * kubelet's refusals word for word.
     */
    LogSource logs(String container, boolean previous) {
        synchronized (lock) {
            if (container.isEmpty() && containers.size() > 1) {
                return failed(container, "a container name must be specified for pod " + name()
                        + ", choose one of: [" + String.join(" ", containers.keySet()) + "]");
            }
            String name = container.isEmpty() ? main() : container;
            Container target = containers.get(name);
            if (target == null) {
                return failed(name, "container " + name + " is not valid for pod " + name());
            }
            if (previous) {
                return target.restarts == 0
                        ? failed(name, "previous terminated container \"" + name + "\" in pod \"" + name() + "\" not found")
                        : new LogSource(name, null, List.copyOf(target.previous), false);
            }
            return switch (target.state) {
                case RUNNING -> new LogSource(name, null, List.copyOf(target.current), true);
                case CRASH_LOOP_BACK_OFF -> new LogSource(name, null, List.copyOf(target.previous), false);
                case IMAGE_PULL_BACK_OFF -> failed(name, "container \"" + name + "\" in pod \"" + name()
                        + "\" is waiting to start: trying and failing to pull image");
            };
        }
    }

    private static LogSource failed(String container, String message) {
        return new LogSource(container, message, List.of(), false);
    }

    private String main() {
        return containers.keySet().iterator().next();
    }

    private Container container(String name) {
        var container = containers.get(name);
        if (container == null) {
            throw new IllegalArgumentException("pod " + name() + " has no container " + name + ": " + containers.keySet());
        }
        return container;
    }

    /** The kubelet's waiting message for a container that is not running; empty when it runs. */
    private String waitingMessage(Container container) {
        return switch (container.state) {
            case RUNNING -> "";
            case CRASH_LOOP_BACK_OFF -> "back-off " + backOff(container.restarts) + " restarting failed container="
                    + container.name + " pod=" + name() + "_" + namespace() + "(" + uid() + ")";
            case IMAGE_PULL_BACK_OFF -> "Back-off pulling image \"" + container.image + "\"";
        };
    }

    /** The kubelet's crash back-off: 10 s doubling per restart up to 5 min, printed as Go prints a Duration. */
    private static String backOff(int restarts) {
        long seconds = Math.min(300, 10L << Math.min(restarts - 1, 5));
        var duration = Duration.ofSeconds(seconds);
        return duration.toMinutes() == 0 ? seconds + "s" : duration.toMinutes() + "m" + duration.toSecondsPart() + "s";
    }

    private static String reason(State state) {
        return switch (state) {
            case RUNNING -> "";
            case CRASH_LOOP_BACK_OFF -> "CrashLoopBackOff";
            case IMAGE_PULL_BACK_OFF -> "ImagePullBackOff";
        };
    }

    /** populatePodInfo and getCorev1PodHealth, for the states this double knows. */
    private final class Live implements ArgoCdTreeNode.LiveState {

        private boolean pending() {
            return containers.values().stream().anyMatch(container -> container.state == State.IMAGE_PULL_BACK_OFF);
        }

        @Override
        public List<Map.Entry<String, String>> info() {
            synchronized (lock) {
                String reason = pending() ? "Pending" : "Running";
                for (Container container : List.copyOf(containers.values()).reversed()) {
                    reason = container.state == State.RUNNING ? reason : reason(container.state);
                }
                long ready = containers.values().stream().filter(c -> c.state == State.RUNNING).count();
                int restarts = containers.values().stream().mapToInt(c -> c.restarts).sum();
                var info = new ArrayList<Map.Entry<String, String>>();
                info.add(Map.entry("Status Reason", reason));
                info.add(Map.entry("Node", host));
                info.add(Map.entry("Containers", ready + "/" + containers.size()));
                if (restarts > 0) {
                    info.add(Map.entry("Restart Count", String.valueOf(restarts)));
                }
                info.add(Map.entry("cpu", String.valueOf(CPU_MILLIS * containers.size())));
                info.add(Map.entry("memory", String.valueOf(MEMORY_MILLIBYTES * containers.size())));
                return info;
            }
        }

        @Override
        public ObjectNode networkingInfo() {
            var networking = ArgoCdJson.object();
            var json = networking.putObject("labels");
            labels.forEach(json::put);
            return networking;
        }

        @Override
        public List<String> images() {
            synchronized (lock) {
                return containers.values().stream().map(container -> container.image).distinct().toList();
            }
        }

        @Override
        public ArgoCdTreeNode.Health health() {
            synchronized (lock) {
                var messages = containers.values().stream().map(FakeArgoCdPod.this::waitingMessage)
                        .filter(message -> !message.isEmpty()).toList();
                if (!messages.isEmpty()) {
                    return new ArgoCdTreeNode.Health("Degraded", String.join(", ", messages));
                }
                return ArgoCdTreeNode.Health.healthy();
            }
        }
    }
}
