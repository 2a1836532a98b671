package dev.plate.support;

/**
 * The one Argo CD API server double of the {@link ArgoCdTest} context (configured there as PLATE_ARGOCD_SERVER_URL and
 * PLATE_ARGOCD_TOKEN). Tests register their own applications in it, named after their own projects.
 */
public final class ArgoCdServerDouble {

    private static FakeArgoCdServer shared;

    private ArgoCdServerDouble() {}

    public static synchronized FakeArgoCdServer shared() {
        if (shared == null) {
            shared = FakeArgoCdServer.start();
        }
        return shared;
    }
}
