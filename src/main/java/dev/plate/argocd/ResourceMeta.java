package dev.plate.argocd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The part of an Argo CD object's {@code metadata} Plate writes (or reads back to compare): its name and
 * namespace, Plate's labels (ownership among them), and the finalizer that makes Argo CD delete what an
 * Application deployed before the Application goes.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResourceMeta(String name, String namespace, Map<String, String> labels, List<String> finalizers) {

    public ResourceMeta {
        labels = labels == null ? Map.of() : labels;
        finalizers = finalizers == null ? List.of() : finalizers;
    }
}
