package dev.plate.argocdserver;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An Application's live resources as Argo CD tracks them, each with its parents (by uid) and health. */
public record ResourceTree(String application, List<Resource> resources) {

    /** The resources Argo CD manages directly (no parent in the tree), in a stable order. */
    public List<Resource> roots() {
        var uids = resources.stream().map(Resource::uid).collect(java.util.stream.Collectors.toSet());
        return resources.stream().filter(r -> r.parentUids().stream().noneMatch(uids::contains))
                .sorted(ORDER).toList();
    }

    public List<Resource> children(Resource parent) {
        return resources.stream().filter(r -> r.parentUids().contains(parent.uid())).sorted(ORDER).toList();
    }

    public List<Resource> pods() {
        return resources.stream().filter(Resource::pod).sorted(ORDER).toList();
    }

    /** Resources that are not Healthy (and have a health at all), the first place to look when something fails. */
    public List<Resource> outOfSync() {
        return resources.stream().filter(r -> "OutOfSync".equals(r.sync())).sorted(ORDER).toList();
    }

    public List<Resource> unhealthy() {
        return resources.stream().filter(r -> !r.health().isEmpty() && !"Healthy".equals(r.health())).sorted(ORDER)
                .toList();
    }

    private static final Comparator<Resource> ORDER = Comparator.comparing(Resource::kindRank)
            .thenComparing(Resource::kind).thenComparing(Resource::name);

    /**
     * One live resource.
     *
     * @param health Argo CD's health status (Healthy, Progressing, Degraded, Suspended, Missing, Unknown), or empty
     *     for kinds without health
     * @param info what Argo CD's controller knows of it, by name ("Status Reason", "Containers", "Restart Count"…)
     * @param sync Synced or OutOfSync for a resource the Application manages (from Git), empty for what those
     *     make (ReplicaSets, Pods)
     */
    public record Resource(String group, String kind, String namespace, String name, String uid,
            List<String> parentUids, String health, String healthMessage, List<String> images,
            Map<String, String> info, Optional<Instant> createdAt, String sync) {

        /** The same resource with its sync status. */
        public Resource withSync(String status) {
            return new Resource(group, kind, namespace, name, uid, parentUids, health, healthMessage, images, info,
                    createdAt, status);
        }

        public boolean pod() {
            return "Pod".equals(kind) && group.isEmpty();
        }

        /** A pod's state as kubectl shows it: Running, CrashLoopBackOff, ImagePullBackOff, Completed… */
        public String statusReason() {
            return info.getOrDefault("Status Reason", "");
        }

        /** Ready containers of all, as "1/2"; empty for other kinds. */
        public String readiness() {
            return info.getOrDefault("Containers", "");
        }

        public int restarts() {
            try {
                return Integer.parseInt(info.getOrDefault("Restart Count", "0"));
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        /** Workloads first, then what routes to them, then the rest: the order people read a tree in. */
        int kindRank() {
            return switch (kind) {
                case "Deployment", "StatefulSet", "DaemonSet", "CronJob" -> 0;
                case "ReplicaSet", "Job" -> 1;
                case "Pod" -> 2;
                case "Service", "Ingress" -> 3;
                default -> 4;
            };
        }
    }
}
