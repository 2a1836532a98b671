package dev.plate.sso.internal;

import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.base.health.SystemCheck;
import java.util.ArrayList;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The dashboard's line for the sign-in providers, when there are any: each one's discovery document answers, asked
 * now. One provider down is the line's state, and says which.
 */
@Component
class OidcCheck implements SystemCheck {

    private final OidcSettings settings;

    OidcCheck(OidcSettings settings) {
        this.settings = settings;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public boolean applies() {
        return !settings.effective().isEmpty() || settings.environmentProblem().isPresent();
    }

    @Override
    public ComponentStatus check() {
        var configs = settings.effective();
        var problem = settings.environmentProblem();
        if (configs.size() == 1 && problem.isEmpty()) {
            return settings.check(Optional.of(configs.getFirst()));
        }
        var lines = new ArrayList<String>();
        problem.ifPresent(lines::add);
        boolean down = problem.isPresent();
        for (var config : configs) {
            var status = settings.check(Optional.of(config));
            down |= status.state() == State.DOWN;
            lines.add(config.name() + ": " + status.detail());
        }
        return new ComponentStatus(OidcSettings.COMPONENT, down ? State.DOWN : State.UP, String.join(" ", lines));
    }
}
