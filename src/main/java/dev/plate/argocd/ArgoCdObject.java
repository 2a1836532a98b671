package dev.plate.argocd;

/** An Argo CD object Plate writes: an {@link ApplicationResource} or an {@link AppProjectResource}. */
public sealed interface ArgoCdObject permits ApplicationResource, AppProjectResource {

    String API_VERSION = "argoproj.io/v1alpha1";

    enum Kind {
        APPLICATION("Application", "applications"),
        APP_PROJECT("AppProject", "appprojects");

        private final String kind;
        private final String plural;

        Kind(String kind, String plural) {
            this.kind = kind;
            this.plural = plural;
        }

        public String kind() {
            return kind;
        }

        public String plural() {
            return plural;
        }
    }

    ResourceMeta metadata();

    Kind objectKind();

    default String name() {
        return metadata().name();
    }
}
