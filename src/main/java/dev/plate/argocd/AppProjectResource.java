package dev.plate.argocd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An Argo CD {@code AppProject} (argoproj.io/v1alpha1) as Plate writes it, typed after
 * {@code contracts/argocd/appproject-crd.yaml}: the fence around one project's Applications.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppProjectResource(String apiVersion, String kind, ResourceMeta metadata, Spec spec)
        implements ArgoCdObject {

    public static final String KIND = "AppProject";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spec(String description, List<String> sourceRepos, List<Destination> destinations,
            List<GroupKind> clusterResourceWhitelist) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GroupKind(String group, String kind) {}

    @Override
    public Kind objectKind() {
        return Kind.APP_PROJECT;
    }
}
