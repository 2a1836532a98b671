package dev.plate.tokens.ui;

import com.vaadin.flow.component.Component;
import dev.plate.security.ProfileSection;
import dev.plate.tokens.ApiTokens;
import java.time.Clock;

/** The signed-in user's access tokens on their profile page, which is security's and does not know this module. */
@org.springframework.stereotype.Component
class AccessTokensProfileSection implements ProfileSection {

    private final ApiTokens tokens;
    private final Clock clock;

    AccessTokensProfileSection(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Component create() {
        return new AccessTokensSection(tokens, clock);
    }
}
