package dev.plate.cluster.internal;

import dev.plate.base.OrderedYaml;
import dev.plate.base.ValidationException;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A kubeconfig is data, never a program. The Kubernetes client runs {@code users[].user.exec} commands and
 * {@code auth-provider} plugins, and reads any file a kubeconfig names, while it parses it: a kubeconfig pasted in
 * the browser or given as {@code PLATE_ARGOCD_KUBECONFIG} would run with Plate's rights, in the process holding the
 * database password and the encryption key. So it is checked here, before the client ever sees it: only inline
 * credentials (a token, client certificate and key data, basic auth) and inline CA data are accepted.
 */
final class KubeconfigPolicy {

    private static final Map<String, String> REFUSED_USER_FIELDS = Map.of(
            "exec", "runs a program to get credentials",
            "auth-provider", "runs an authentication plugin",
            "tokenFile", "names a file on Plate's host",
            "client-certificate", "names a file on Plate's host (use client-certificate-data)",
            "client-key", "names a file on Plate's host (use client-key-data)");
    private static final Map<String, String> REFUSED_CLUSTER_FIELDS = Map.of(
            "certificate-authority", "names a file on Plate's host (use certificate-authority-data)");
    private static final Set<String> LISTS = Set.of("users", "clusters");

    private KubeconfigPolicy() {}

    /** Refuses (naming the field) a kubeconfig that would run a program or read a file; returns it unchanged. */
    static String requireDataOnly(String content) {
        JsonNode root;
        try {
            root = OrderedYaml.MAPPER.readTree(content);
        } catch (JacksonException e) {
            throw new ValidationException("kubeconfig", "This is not a kubeconfig Plate can use: it is not valid "
                    + "YAML (" + e.getOriginalMessage() + ").");
        }
        if (root == null || !root.isObject()) {
            throw new ValidationException("kubeconfig", "This is not a kubeconfig Plate can use: expected a YAML "
                    + "document with clusters, users and contexts.");
        }
        for (String list : LISTS) {
            var entries = root.path(list);
            for (int i = 0; i < entries.size(); i++) {
                String entry = list.equals("users") ? "user" : "cluster";
                var refused = list.equals("users") ? REFUSED_USER_FIELDS : REFUSED_CLUSTER_FIELDS;
                var fields = entries.get(i).path(entry);
                for (var field : refused.entrySet()) {
                    if (fields.has(field.getKey())) {
                        throw new ValidationException("kubeconfig", list + "[" + i + "]." + entry + "."
                                + field.getKey() + " " + field.getValue() + ", which Plate refuses: give Plate a "
                                + "kubeconfig with inline credentials (a service account token, or client "
                                + "certificate and key data).");
                    }
                }
            }
        }
        return content;
    }
}
