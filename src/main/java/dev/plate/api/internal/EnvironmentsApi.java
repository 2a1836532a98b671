package dev.plate.api.internal;

import dev.plate.environment.EnvironmentService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The promotion path. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Environments", description = "The environments, in promotion order")
class EnvironmentsApi {

    private final EnvironmentService environments;
    private final ApiViews views;
    private final dev.plate.deployment.EnvironmentAdministration administration;

    EnvironmentsApi(EnvironmentService environments, ApiViews views,
            dev.plate.deployment.EnvironmentAdministration administration) {
        this.environments = environments;
        this.views = views;
        this.administration = administration;
    }

    @GetMapping("/environments")
    @Operation(summary = "The environments in promotion order")
    @PreAuthorize("hasRole('VIEWER')")
    List<ApiViews.Environment> environments() {
        return environments.list().stream().map(views::environment).toList();
    }

    /**
     * Sets an environment's approval policy (ADMIN): one commit to {@code environments/<env>.yaml}. Fields left out
     * keep their value; {@code required} 0 turns approvals off.
     */
    @org.springframework.web.bind.annotation.PutMapping(path = "/environments/{name}/approvals",
            consumes = "application/json")
    @Operation(summary = "Set how many approvals a change to this environment needs, and whose (ADMIN)")
    ApiViews.Environment setApprovals(@org.springframework.web.bind.annotation.PathVariable String name,
            @org.springframework.web.bind.annotation.RequestBody ApiViews.Approvals body) {
        var env = environments.find(name).orElseThrow(() -> new dev.plate.base.NotFoundException(
                "There is no environment named '" + name + "'."));
        var now = env.approvals();
        dev.plate.security.Role role;
        try {
            role = body.approverRole() == null ? now.approverRole()
                    : dev.plate.security.Role.valueOf(body.approverRole().strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new dev.plate.base.ValidationException("approverRole", "'" + body.approverRole() + "' is not a role: "
                    + "DEVELOPER, MAINTAINER or ADMIN.");
        }
        var policy = new dev.plate.environment.ApprovalPolicy(
                body.required() == null ? now.required() : body.required(), role,
                body.teamOnly() == null ? now.teamOnly() : body.teamOnly(),
                body.requesterMayApprove() == null ? now.requesterMayApprove() : body.requesterMayApprove(),
                body.expiryMinutes() == null ? now.expiry() : java.time.Duration.ofMinutes(body.expiryMinutes()));
        return views.environment(administration.update(name, dev.plate.environment.EnvironmentSettings.of(env)
                .withApprovals(policy)));
    }
}
