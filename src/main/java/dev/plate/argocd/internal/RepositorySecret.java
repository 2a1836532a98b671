package dev.plate.argocd.internal;

import dev.plate.argocd.ApplicationManifests;
import dev.plate.argocd.ArgoCd.RepositoryCredentials;
import dev.plate.cluster.ManagementCluster;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Argo CD's credentials for the config repository: one Secret of a fixed name (one config repository per Plate). */
final class RepositorySecret {

    private static final Logger LOG = LoggerFactory.getLogger(RepositorySecret.class);
    static final String NAME = "plate-config-repository";
    static final String EXPIRES_ANNOTATION = "plate.dev/credential-expires-at";

    private final ManagementCluster connection;

    RepositorySecret(ManagementCluster connection) {
        this.connection = connection;
    }

    void write(KubernetesClient client, Optional<RepositoryCredentials> credentials) {
        var secrets = client.secrets().inNamespace(connection.namespace());
        if (credentials.isEmpty()) {
            secrets.withName(NAME).delete();
            return;
        }
        var wanted = credentials.get();
        var annotations = new LinkedHashMap<String, String>();
        wanted.expiresAt().ifPresent(at -> annotations.put(EXPIRES_ANNOTATION, at.toString()));
        // data, not stringData: the API server would convert, but a reader must see the same either way.
        var data = new LinkedHashMap<String, String>();
        data.put("type", base64("git"));
        data.put("name", base64("plate-config"));
        data.put("url", base64(wanted.url()));
        data.put("username", base64(wanted.username()));
        data.put("password", base64(wanted.password()));
        var secret = new SecretBuilder().withNewMetadata().withName(NAME).withNamespace(connection.namespace())
                .addToLabels("argocd.argoproj.io/secret-type", "repository")
                .addToLabels(ApplicationManifests.MANAGED_BY, "plate").withAnnotations(annotations).endMetadata()
                .withType("Opaque").withData(data).build();
        secrets.resource(secret).createOr(existing -> existing.update());
        LOG.info("Argo CD: repository credentials for {} written ({})", wanted.url(), wanted.username());
    }

    Optional<RepositoryCredentials> read(KubernetesClient client) {
        return Optional.ofNullable(client.secrets().inNamespace(connection.namespace()).withName(NAME).get())
                .map(secret -> {
                    var data = secret.getData() == null ? Map.<String, String>of() : secret.getData();
                    var annotations = secret.getMetadata().getAnnotations() == null ? Map.<String, String>of()
                            : secret.getMetadata().getAnnotations();
                    return new RepositoryCredentials(unbase64(data.get("url")), unbase64(data.get("username")),
                            unbase64(data.get("password")), Optional.ofNullable(annotations.get(EXPIRES_ANNOTATION))
                                    .map(Instant::parse));
                });
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String unbase64(String value) {
        return value == null ? "" : new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    }
}
