package dev.plate.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Argo CD's controller says about the kinds other than Pod: the "Revision" info of Deployments and
 * ReplicaSets (from deployment.kubernetes.io/revision), their health while pods are not ready (gitops-engine's
 * rollout messages), a Service's target labels, an Ingress's targets and external URLs, an HPA's health, and
 * the Kubernetes nodes (hosts) the pods run on.
 */
final class ArgoCdLiveStates {

    private ArgoCdLiveStates() {}

    /** A Deployment whose pods are {@code pods}: Progressing until every replica is available. */
    static ArgoCdTreeNode.LiveState deployment(Supplier<List<FakeArgoCdPod>> pods) {
        return new Workload(pods, "Waiting for rollout to finish: %d of %d updated replicas are available...");
    }

    static ArgoCdTreeNode.LiveState replicaSet(Supplier<List<FakeArgoCdPod>> pods) {
        return new Workload(pods, "Waiting for rollout to finish: %d out of %d new replicas are available...");
    }

    static ArgoCdTreeNode.LiveState service(Map<String, String> selector) {
        return new ArgoCdTreeNode.LiveState() {
            @Override
            public ObjectNode networkingInfo() {
                var networking = ArgoCdJson.object();
                var labels = networking.putObject("targetLabels");
                new TreeMap<>(selector).forEach(labels::put); // Go writes a map's keys sorted
                return networking;
            }

            @Override
            public ArgoCdTreeNode.Health health() {
                return ArgoCdTreeNode.Health.healthy();
            }
        };
    }

    /** An Ingress with a load balancer address: Healthy, its URL https:// when it has TLS (populateIngressInfo). */
    static ArgoCdTreeNode.LiveState ingress(String namespace, String service, String host) {
        return new ArgoCdTreeNode.LiveState() {
            @Override
            public ObjectNode networkingInfo() {
                var networking = ArgoCdJson.object();
                networking.putArray("targetRefs").addObject().put("kind", "Service").put("namespace", namespace)
                        .put("name", service);
                networking.putArray("ingress").addObject().put("ip", "10.0.0.80");
                networking.putArray("externalURLs").add("https://" + host + "/");
                return networking;
            }

            @Override
            public ArgoCdTreeNode.Health health() {
                return ArgoCdTreeNode.Health.healthy();
            }
        };
    }

    static ArgoCdTreeNode.LiveState hpa() {
        return () -> new ArgoCdTreeNode.Health("Healthy", "recommended size matches current size");
    }

    /** v1alpha1HostInfo for one Kubernetes node: its capacity and what the app's pods there request. */
    static ObjectNode host(String host, long appPods) {
        var json = ArgoCdJson.object().put("name", host);
        var resources = json.putArray("resourcesInfo");
        resources.addObject().put("resourceName", "cpu").put("requestedByApp", appPods * 100)
                .put("requestedByNeighbors", 850).put("capacity", 4000);
        resources.addObject().put("resourceName", "memory").put("requestedByApp", appPods * 134217728000L)
                .put("requestedByNeighbors", 1073741824000L).put("capacity", 16L * 1024 * 1024 * 1024 * 1000);
        json.putObject("systemInfo").put("machineID", "").put("systemUUID", "").put("bootID", "")
                .put("kernelVersion", "6.8.0-49-generic").put("osImage", "Ubuntu 24.04.1 LTS")
                .put("containerRuntimeVersion", "containerd://1.7.24").put("kubeletVersion", "v1.32.2")
                .put("kubeProxyVersion", "").put("operatingSystem", "linux").put("architecture", "amd64");
        return json;
    }

    private record Workload(Supplier<List<FakeArgoCdPod>> pods, String waiting) implements ArgoCdTreeNode.LiveState {

        @Override
        public List<Map.Entry<String, String>> info() {
            return List.of(Map.entry("Revision", "Rev:1"));
        }

        @Override
        public ArgoCdTreeNode.Health health() {
            var all = pods.get();
            long available = all.stream().filter(FakeArgoCdPod::ready).count();
            return available < all.size()
                    ? new ArgoCdTreeNode.Health("Progressing", waiting.formatted(available, all.size()))
                    : ArgoCdTreeNode.Health.healthy();
        }
    }
}
