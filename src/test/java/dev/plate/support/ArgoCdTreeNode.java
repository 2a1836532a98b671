package dev.plate.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * One live object of an Application's resource tree, written as Argo CD's v1alpha1ResourceNode: the fields in the
 * order of its Go struct (ResourceRef inline, then parentRefs, info, networkingInfo, resourceVersion, images,
 * health, createdAt), each left out when empty as its omitempty tag says. Core objects (Pod, Service) have no
 * "group" at all; a parentRef carries the owner's version too, as asResourceNode builds it.
 */
final class ArgoCdTreeNode {

    /** What Argo CD's controller derives from the live object (controller/cache/info.go, gitops-engine health). */
    interface LiveState {
        default List<Map.Entry<String, String>> info() {
            return List.of();
        }

        default ObjectNode networkingInfo() {
            return null;
        }

        default List<String> images() {
            return List.of();
        }

        /** Null for kinds without a health check. */
        Health health();
    }

    record Health(String status, String message) {
        static Health healthy() {
            return new Health("Healthy", "");
        }
    }

    final String group;
    final String version;
    final String kind;
    final String namespace;
    final String name;
    final String uid;
    final ArgoCdTreeNode parent;
    private final Instant createdAt;
    private final String resourceVersion;
    private LiveState state = () -> null;

    ArgoCdTreeNode(String apiVersion, String kind, String namespace, String name, ArgoCdTreeNode parent,
            String uid, Instant createdAt, String resourceVersion) {
        this.group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        this.version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        this.kind = kind;
        this.namespace = namespace;
        this.name = name;
        this.parent = parent;
        this.uid = uid;
        this.createdAt = createdAt;
        this.resourceVersion = resourceVersion;
    }

    ArgoCdTreeNode live(LiveState liveState) {
        this.state = liveState;
        return this;
    }

    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The key Argo CD sorts a tree's nodes by (ApplicationTree.Normalize). */
    String fullName() {
        return group + "/" + kind + "/" + namespace + "/" + name;
    }

    /** Selected by this group, kind, name and namespace; an empty criterion selects all (isTheSelectedOne). */
    boolean matches(String group, String kind, String name, String namespace) {
        return (name.isEmpty() || this.name.equals(name)) && (kind.isEmpty() || this.kind.equals(kind))
                && (group.isEmpty() || this.group.equals(group))
                && (namespace.isEmpty() || this.namespace.equals(namespace));
    }

    /**
     * applicationv1alpha1ResourceStatus: how the Application's status lists a resource it manages (only those, not
     * their children), with its sync status.
     */
    ObjectNode toResourceStatus(String sync) {
        var status = ArgoCdJson.object();
        if (!group.isEmpty()) {
            status.put("group", group);
        }
        status.put("version", version).put("kind", kind).put("namespace", namespace).put("name", name)
                .put("status", sync);
        Health health = state.health();
        if (health != null) {
            status.putObject("health").put("status", health.status());
        }
        return status;
    }

    ObjectNode toJson() {
        ObjectNode node = ref(this);
        if (parent != null) {
            node.putArray("parentRefs").add(ref(parent));
        }
        var info = state.info();
        if (!info.isEmpty()) {
            var items = node.putArray("info");
            info.forEach(item -> items.addObject().put("name", item.getKey()).put("value", item.getValue()));
        }
        if (state.networkingInfo() != null) {
            node.set("networkingInfo", state.networkingInfo());
        }
        node.put("resourceVersion", resourceVersion);
        if (!state.images().isEmpty()) {
            var images = node.putArray("images");
            state.images().forEach(images::add);
        }
        Health health = state.health();
        if (health != null) {
            var json = node.putObject("health").put("status", health.status());
            if (!health.message().isEmpty()) {
                json.put("message", health.message());
            }
        }
        return node.put("createdAt", ArgoCdJson.time(createdAt));
    }

    private static ObjectNode ref(ArgoCdTreeNode node) {
        var ref = ArgoCdJson.object();
        if (!node.group.isEmpty()) {
            ref.put("group", node.group);
        }
        return ref.put("version", node.version).put("kind", node.kind).put("namespace", node.namespace)
                .put("name", node.name).put("uid", node.uid);
    }
}
