package dev.plate.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "resources", description = "What runs in an environment, as Argo CD sees it: each resource under "
        + "the one that owns it (Deployment, ReplicaSet, Pods), with health.")
final class ResourcesCommand extends ApiCommand {

    @Mixin
    WorkloadTarget target;

    @Mixin
    Output output;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() {
        var data = api().getObject(target.path(spec.qualifiedName(), "resources"));
        if (!output.table()) {
            output.data(out(), data);
            return ExitCode.OK;
        }
        var resources = (List<Map<String, Object>>) data.getOrDefault("resources", List.of());
        if (resources.isEmpty()) {
            out().println("No resources: Argo CD shows none for " + text(data.get("application")) + " yet.");
            return ExitCode.OK;
        }
        boolean messages = resources.stream().anyMatch(r -> !message(r).isEmpty());
        var table = messages
                ? new Output.Table("KIND", "NAME", "SYNC", "HEALTH", "STATUS", "READY", "RESTARTS", "AGE", "MESSAGE")
                : new Output.Table("KIND", "NAME", "SYNC", "HEALTH", "STATUS", "READY", "RESTARTS", "AGE");
        var now = Instant.now();
        new Tree(resources).walk((resource, indent) -> table.row(indent + text(resource.get("kind")),
                resource.get("name"), text(resource.get("sync")).isEmpty() ? null : resource.get("sync"),
                resource.get("health"), resource.get("status"),
                resource.get("ready"),
                "Pod".equals(resource.get("kind")) ? resource.get("restarts") : null,
                Age.since(resource.get("createdAt"), now), message(resource)));
        table.print(out());
        return ExitCode.OK;
    }

    /** Argo CD's message, only where something is wrong: a healthy resource's message is noise. */
    private static String message(Map<String, Object> resource) {
        Object health = resource.get("health");
        return health == null || "Healthy".equals(health) ? "" : text(resource.get("message"));
    }

    /**
     * The resources as a tree by their owners' uids, drawn as kubectl-tree does (├─ └─). A resource whose owner is
     * not in the list (a Deployment, a Service) is a root; one with several owners sits under the first.
     */
    static final class Tree {

        interface Visitor {
            void visit(Map<String, Object> resource, String indent);
        }

        private final List<Map<String, Object>> all;
        private final List<Map<String, Object>> roots = new ArrayList<>();
        private final Map<String, List<Map<String, Object>>> children = new LinkedHashMap<>();
        private final Set<Map<String, Object>> visited = Collections.newSetFromMap(new IdentityHashMap<>());

        Tree(List<Map<String, Object>> resources) {
            this.all = resources;
            Set<Object> uids = new HashSet<>();
            resources.forEach(r -> uids.add(r.get("uid")));
            for (var resource : resources) {
                var parents = resource.get("parents") instanceof List<?> list ? list : List.of();
                var owner = parents.stream().filter(uids::contains).findFirst();
                if (owner.isPresent()) {
                    children.computeIfAbsent(owner.get().toString(), k -> new ArrayList<>()).add(resource);
                } else {
                    roots.add(resource);
                }
            }
        }

        void walk(Visitor visitor) {
            roots.forEach(root -> visit(root, "", "", visitor));
            // Owners that own each other (never in a sane cluster) would be skipped: show them, flat.
            all.stream().filter(r -> !visited.contains(r)).forEach(r -> visit(r, "", "", visitor));
        }

        private void visit(Map<String, Object> resource, String indent, String branch, Visitor visitor) {
            if (!visited.add(resource)) {
                return;
            }
            visitor.visit(resource, indent + branch);
            var below = children.getOrDefault(text(resource.get("uid")), List.of());
            String deeper = branch.isEmpty() ? indent : indent + (branch.equals("└─") ? "  " : "│ ");
            for (int i = 0; i < below.size(); i++) {
                visit(below.get(i), deeper, i == below.size() - 1 ? "└─" : "├─", visitor);
            }
        }
    }
}
