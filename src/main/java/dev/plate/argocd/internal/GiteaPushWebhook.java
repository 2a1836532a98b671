package dev.plate.argocd.internal;

import dev.plate.argocd.ApplicationStatus;
import dev.plate.argocd.ApplicationStatuses;
import dev.plate.argocd.ArgoCd;
import dev.plate.argocd.ArgoCdException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gitea calls this on every push to the config repository (including pushes made outside Plate): the
 * applications it touched are refreshed at once instead of at Argo CD's next poll. Plate registers it itself
 * ({@link WebhookRegistration}). The body must carry the HMAC-SHA256 signature of the shared secret ({@code X-Gitea-Signature}, or GitHub-style
 * {@code X-Hub-Signature-256}); anything else gets 401 and changes nothing.
 */
@RestController
class GiteaPushWebhook {

    static final String PATH = "/webhooks/gitea";
    private static final Logger LOG = LoggerFactory.getLogger(GiteaPushWebhook.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY = 5 * 1024 * 1024;

    private final WebhookSecret secret;
    private final ArgoCd argoCd;
    private final ApplicationStatuses statuses;
    private final ArgoCdThreads threads;

    GiteaPushWebhook(WebhookSecret secret, ArgoCd argoCd, ApplicationStatuses statuses, ArgoCdThreads threads) {
        this.secret = secret;
        this.argoCd = argoCd;
        this.statuses = statuses;
        this.threads = threads;
    }

    @PostMapping(path = PATH)
    ResponseEntity<Map<String, Object>> push(HttpServletRequest request,
            @RequestHeader(name = "X-Gitea-Signature", required = false) String giteaSignature,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) String hubSignature,
            @RequestHeader(name = "X-Gitea-Event", required = false) String event) throws IOException {
        // Anyone can call this URL: never read more than the limit, whatever the sender declares.
        if (request.getContentLengthLong() > MAX_BODY) {
            return refuse(413, "The payload is larger than " + MAX_BODY / (1024 * 1024) + " MB.");
        }
        byte[] payload = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (payload.length > MAX_BODY) {
            return refuse(413, "The payload is larger than " + MAX_BODY / (1024 * 1024) + " MB.");
        }
        String signature = giteaSignature != null ? giteaSignature
                : hubSignature != null && hubSignature.startsWith("sha256=") ? hubSignature.substring(7) : null;
        if (signature == null || !matches(payload, signature)) {
            LOG.warn("Refused a webhook call with a missing or wrong signature");
            return refuse(401, "Missing or wrong signature: sign the body with the shared secret (HMAC-SHA256).");
        }
        if (event != null && !event.equals("push")) {
            return ResponseEntity.accepted().body(Map.of("refreshing", 0, "note", "Only push events refresh."));
        }
        tools.jackson.databind.JsonNode json;
        try {
            json = JSON.readTree(payload);
        } catch (JacksonException e) {
            return refuse(400, "The body is not JSON: " + e.getOriginalMessage());
        }
        if (!json.path("ref").asString("").equals("refs/heads/main")) {
            return ResponseEntity.accepted().body(Map.of("refreshing", 0, "note", "Only pushes to main refresh."));
        }
        List<ApplicationStatus> targets = targets(PushedApplications.of(json));
        if (!threads.refreshLater(() -> targets.forEach(this::refresh))) {
            LOG.warn("Too many pushes waiting: Argo CD picks up {} at its next poll", targets);
        }
        return ResponseEntity.accepted().body(Map.of("refreshing", targets.size()));
    }

    private List<ApplicationStatus> targets(Optional<java.util.Set<PushedApplications.Touched>> touched) {
        return statuses.all().stream().filter(status -> touched.map(set -> set.stream().anyMatch(t ->
                t.project().equals(status.project())
                        && (t.environment() == null || t.environment().equals(status.environment()))))
                .orElse(true)).toList();
    }

    private void refresh(ApplicationStatus app) {
        try {
            argoCd.refresh(app.project(), app.environment(), Optional.empty());
        } catch (ArgoCdException e) {
            LOG.warn("Webhook refresh: {}", e.getMessage());
        }
    }

    private boolean matches(byte[] payload, String signature) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.current().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal(payload);
            byte[] given;
            try {
                given = HexFormat.of().parseHex(signature.trim().toLowerCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return false;
            }
            return MessageDigest.isEqual(expected, given);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static ResponseEntity<Map<String, Object>> refuse(int status, String message) {
        return ResponseEntity.status(status).body(Map.of("status", status, "detail", message));
    }
}
