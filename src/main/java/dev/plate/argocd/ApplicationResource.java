package dev.plate.argocd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An Argo CD {@code Application} (argoproj.io/v1alpha1) as Plate writes it: typed after
 * {@code contracts/argocd/application-crd.yaml}, holding only the fields Plate sets. Read back from the cluster
 * into the same type, a live Application shows exactly Plate's fields, whatever Argo CD or people added.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationResource(String apiVersion, String kind, ResourceMeta metadata, Spec spec)
        implements ArgoCdObject {

    public static final String KIND = "Application";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spec(String project, Source source, Destination destination, SyncPolicy syncPolicy) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String repoURL, String targetRevision, String path, Helm helm) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Helm(String releaseName, List<String> valueFiles) {}

    /** {@code automated} is absent where Plate starts each sync itself. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SyncPolicy(Automated automated, List<String> syncOptions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Automated(boolean prune, boolean selfHeal) {}

    @Override
    public Kind objectKind() {
        return Kind.APPLICATION;
    }
}
