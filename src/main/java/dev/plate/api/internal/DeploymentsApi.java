package dev.plate.api.internal;

import dev.plate.base.ValidationException;
import dev.plate.chart.ValueChanges;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.PromoteRequest;
import dev.plate.deployment.RollbackRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Changes to an environment: deploy, promote, roll back, retry; and one deployment, to wait for its outcome. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Deployments", description = "Deploy, promote, roll back and retry: each one commit (a retry none)")
class DeploymentsApi {

    private final DeploymentService deployments;
    private final dev.plate.approvals.DeploymentRequests requests;
    private final ApiViews views;

    DeploymentsApi(DeploymentService deployments, dev.plate.approvals.DeploymentRequests requests, ApiViews views) {
        this.deployments = deployments;
        this.requests = requests;
        this.views = views;
    }

    /**
     * Unknown fields are refused (spring.jackson.deserialization.fail-on-unknown-properties). {@code set} and
     * {@code unset} change single values of the environment's current configuration (see {@link ValueChanges}).
     */
    record Deploy(String project, String environment, String imageTag, Map<String, String> set, List<String> unset) {}

    @PostMapping(path = "/deploy", consumes = "application/json")
    @Operation(summary = "Deploy an image tag and/or value changes to one environment: one commit (201, the "
            + "deployment); where the environment waits for approvals, a request (202, the request)")
    org.springframework.http.ResponseEntity<Object> deploy(@RequestBody Deploy request) {
        ApiViews.required("project", request.project(), "Name the project: \"project\": \"web\".");
        ApiViews.required("environment", request.environment(), "Name the environment: \"environment\": \"dev\".");
        var set = request.set() == null ? Map.<String, String>of() : request.set();
        var unset = request.unset() == null ? List.<String>of() : request.unset();
        var tag = Optional.ofNullable(request.imageTag());
        if (tag.isPresent() && tag.get().isBlank()) {
            throw new ValidationException("imageTag", "The image tag is empty; leave it out to keep the current one.");
        }
        if (tag.isEmpty() && set.isEmpty() && unset.isEmpty()) {
            throw new ValidationException("imageTag", "Say what to deploy: an image tag (\"imageTag\": \"1.4.2\") "
                    + "and/or value changes (\"set\": {\"replicas\": \"3\"}).");
        }
        try {
            return views.outcome(requests.submit(DeployRequest.changes(request.project(), request.environment(), tag,
                    set, unset)));
        } catch (ValidationException refusal) {
            throw asSent(refusal, set.keySet());
        }
    }

    /**
     * A refusal of the configuration the changes made, in this request's words: the rules name the configuration's
     * field ({@code resources.cpuLimit}), the client sent a key ({@code set.resources.limits.cpu}).
     */
    private static ValidationException asSent(ValidationException refusal, java.util.Collection<String> keys) {
        for (String key : keys) {
            String field;
            try {
                field = ValueChanges.fieldOf(key);
            } catch (IllegalArgumentException notASingleValue) {
                continue;
            }
            if (field.equals(refusal.field()) && !field.equals(key)) {
                String message = refusal.getMessage();
                // The rules start a message with the field, capitalized as a sentence starts.
                String spoken = Character.toUpperCase(field.charAt(0)) + field.substring(1);
                return new ValidationException("set." + key, message.startsWith(field) || message.startsWith(spoken)
                        ? key + message.substring(field.length()) : message);
            }
        }
        return refusal;
    }

    @GetMapping("/deployments/{id}")
    @Operation(summary = "One deployment, to wait for its outcome")
    ApiViews.Deployment deployment(@PathVariable long id) {
        return views.deployment(deployments.deployment(id));
    }

    record Promote(String project, String from, String to, Boolean includeConfig) {}

    @PostMapping(path = "/promote", consumes = "application/json")
    @Operation(summary = "Promote the image (and optionally the configuration) to the next environment (201, or 202 "
            + "with a request where approvals are needed)")
    org.springframework.http.ResponseEntity<Object> promote(@RequestBody Promote request) {
        ApiViews.required("project", request.project(), "Name the project: \"project\": \"web\".");
        ApiViews.required("from", request.from(), "Name the environment to promote from: \"from\": \"dev\".");
        ApiViews.required("to", request.to(), "Name the environment to promote to: \"to\": \"staging\".");
        return views.outcome(requests.submit(new PromoteRequest(request.project(), request.from(), request.to(),
                Boolean.TRUE.equals(request.includeConfig()))));
    }

    record Retry(String project, String environment) {}

    @PostMapping(path = "/retry", consumes = "application/json")
    @Operation(summary = "Send the last deployment of an environment to Argo CD again, when it failed or timed out "
            + "(refresh, and the sync where the environment does not sync by itself; no new commit)")
    @ResponseStatus(HttpStatus.CREATED)
    ApiViews.Deployment retry(@RequestBody Retry request) {
        ApiViews.required("project", request.project(), "Name the project: \"project\": \"web\".");
        ApiViews.required("environment", request.environment(), "Name the environment: \"environment\": \"dev\".");
        return views.deployment(deployments.retry(request.project(), request.environment()));
    }

    record Rollback(String project, String environment, Long toDeployment) {}

    @PostMapping(path = "/rollback", consumes = "application/json")
    @Operation(summary = "Restore an earlier deployment's configuration as a new commit (201, or 202 with a request "
            + "where approvals are needed)")
    org.springframework.http.ResponseEntity<Object> rollback(@RequestBody Rollback request) {
        ApiViews.required("project", request.project(), "Name the project: \"project\": \"web\".");
        ApiViews.required("environment", request.environment(), "Name the environment: \"environment\": \"dev\".");
        return views.outcome(requests.submit(new RollbackRequest(request.project(), request.environment(),
                Optional.ofNullable(request.toDeployment()))));
    }
}
