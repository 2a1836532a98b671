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

    EnvironmentsApi(EnvironmentService environments, ApiViews views) {
        this.environments = environments;
        this.views = views;
    }

    @GetMapping("/environments")
    @Operation(summary = "The environments in promotion order")
    @PreAuthorize("hasRole('VIEWER')")
    List<ApiViews.Environment> environments() {
        return environments.list().stream().map(views::environment).toList();
    }
}
