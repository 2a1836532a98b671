package dev.plate.admin;

import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.base.health.SystemCheck;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The system's health as the dashboard shows it: every integration, each with its state and detail. */
@Service
public class SystemHealthService {

    private final List<SystemCheck> checks;

    SystemHealthService(List<SystemCheck> checks) {
        this.checks = checks.stream().sorted(Comparator.comparingInt(SystemCheck::order)).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public List<ComponentStatus> currentStatus() {
        return checks.stream().filter(SystemCheck::applies).map(SystemHealthService::safely).toList();
    }

    /** One broken check must not hide the others. */
    private static ComponentStatus safely(SystemCheck check) {
        try {
            return check.check();
        } catch (RuntimeException e) {
            return new ComponentStatus(check.getClass().getSimpleName(), State.DOWN, e.getMessage());
        }
    }
}
