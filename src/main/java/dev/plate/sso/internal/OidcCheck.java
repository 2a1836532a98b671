package dev.plate.sso.internal;

import dev.plate.base.ValidationException;
import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.base.health.SystemCheck;
import org.springframework.stereotype.Component;

/** The dashboard's line for the sign-in provider, when there is one: its discovery document answers, asked now. */
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
        return settings.buttonLabel().isPresent();
    }

    @Override
    public ComponentStatus check() {
        try {
            return settings.check(settings.effective());
        } catch (ValidationException e) {
            return new ComponentStatus(OidcSettings.COMPONENT, State.DOWN, "PLATE_OIDC_* is not usable: "
                    + e.getMessage());
        }
    }
}
