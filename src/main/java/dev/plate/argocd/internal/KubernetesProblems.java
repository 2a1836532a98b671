package dev.plate.argocd.internal;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** Turns a Kubernetes client failure into one line an admin can act on. */
final class KubernetesProblems {

    private KubernetesProblems() {}

    static String describe(Throwable failure, String namespace) {
        KubernetesClientException k8s = find(failure);
        if (k8s != null) {
            switch (k8s.getCode()) {
                case 401 -> {
                    return "The management cluster refused Plate's credentials (401 Unauthorized): check the "
                            + "kubeconfig's token or certificate.";
                }
                case 403 -> {
                    return "Plate's account may not work with Argo CD objects in namespace " + namespace
                            + " (403 Forbidden): grant it get, list, watch, create, patch and delete on "
                            + "applications and appprojects.argoproj.io there.";
                }
                case 404 -> {
                    return "The Argo CD CRDs are not installed in the management cluster (no "
                            + "applications.argoproj.io in namespace " + namespace + "): install Argo CD first.";
                }
                default -> {
                    if (k8s.getCode() > 0) {
                        return "The management cluster answered " + k8s.getCode() + ": " + firstLine(k8s.getMessage());
                    }
                }
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "The management cluster is unreachable: " + firstLine(root.getClass().getSimpleName() + ": "
                + root.getMessage());
    }

    private static KubernetesClientException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KubernetesClientException k8s && k8s.getCode() > 0) {
                return k8s;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
