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
    private final dev.plate.teams.TeamAccess teams;

    AccessTokensProfileSection(ApiTokens tokens, Clock clock, dev.plate.teams.TeamAccess teams) {
        this.tokens = tokens;
        this.clock = clock;
        this.teams = teams;
    }

    /** A token can be limited to a team the person has a role in beyond reading. */
    @Override
    public Component create() {
        return new AccessTokensSection(tokens, clock, teams.teamsWhere(dev.plate.security.Role.DEVELOPER));
    }
}
