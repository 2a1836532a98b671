package dev.plate.api.internal;

import dev.plate.approvals.DeploymentRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deployment requests in environments whose changes wait for approvals: read, approve, reject, withdraw. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Requests", description = "Changes waiting for approvals, and their decisions")
class RequestsApi {

    private final DeploymentRequests requests;
    private final ApiViews views;

    RequestsApi(DeploymentRequests requests, ApiViews views) {
        this.requests = requests;
        this.views = views;
    }

    @GetMapping("/requests")
    @Operation(summary = "Requests, newest first: waiting ones (state=PENDING, the default), all (state=ALL), or those "
            + "waiting for the caller's approval (waiting=true); of one project when given")
    List<ApiViews.Request> list(@RequestParam Optional<String> project, @RequestParam Optional<String> state,
            @RequestParam Optional<Boolean> waiting) {
        if (waiting.orElse(false)) {
            return requests.waitingForMe().stream().filter(r -> project.map(r.project()::equals).orElse(true))
                    .map(views::request).toList();
        }
        String wanted = state.orElse("PENDING").strip().toUpperCase(java.util.Locale.ROOT);
        if (!wanted.equals("PENDING") && !wanted.equals("ALL")) {
            throw new dev.plate.base.ValidationException("state", "state is PENDING or ALL, not '" + state.get() + "'.");
        }
        return requests.list(project, wanted.equals("PENDING")).stream().map(views::request).toList();
    }

    @GetMapping("/requests/{id}")
    @Operation(summary = "One request, with its diff and decisions")
    ApiViews.Request get(@PathVariable long id) {
        return views.request(requests.get(id));
    }

    record Decision(String comment) {}

    @PostMapping(path = "/requests/{id}/approve")
    @Operation(summary = "Approve; the approval that completes the count commits the change as previewed (or marks "
            + "the request STALE when the environment changed meanwhile)")
    ApiViews.Request approve(@PathVariable long id, @RequestBody(required = false) Decision body) {
        return views.request(requests.approve(id, body == null ? null : body.comment()));
    }

    @PostMapping(path = "/requests/{id}/reject", consumes = "application/json")
    @Operation(summary = "Reject, saying why (\"comment\" is required)")
    ApiViews.Request reject(@PathVariable long id, @RequestBody Decision body) {
        return views.request(requests.reject(id, body.comment()));
    }

    @PostMapping(path = "/requests/{id}/cancel")
    @Operation(summary = "Withdraw a waiting request (who asked, or an administrator)")
    ApiViews.Request cancel(@PathVariable long id) {
        return views.request(requests.cancel(id));
    }
}
