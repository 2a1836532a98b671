package dev.plate.approvals.internal;

import dev.plate.environment.ApprovalPolicy;
import dev.plate.security.CurrentUser;
import dev.plate.security.Role;
import dev.plate.teams.TeamAccess;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may decide a request, asked at each decision (never cached): the environment's policy now, the project's team
 * now. Administrators always may, except on their own request when the policy wants a second person.
 */
@Component
class ApproverRules {

    private final CurrentUser user;
    private final TeamAccess access;

    ApproverRules(CurrentUser user, TeamAccess access) {
        this.user = user;
        this.access = access;
    }

    /** Why the person acting may not decide this request; empty when they may. */
    Optional<String> refusal(String requestedBy, ApprovalPolicy policy, Optional<String> team) {
        var token = tokenRefusal(team);
        if (token.isPresent()) {
            return token;
        }
        if (!policy.requesterMayApprove() && requestedBy.equals(user.name())) {
            return Optional.of("You asked for this change: another person approves or rejects it.");
        }
        if (user.role().filter(role -> role == Role.ADMIN).isPresent()) {
            return Optional.empty();
        }
        Role needed = policy.approverRole();
        boolean may = policy.teamOnly()
                ? team.flatMap(access::roleInTeam).map(role -> role.includes(needed)).orElse(false)
                : access.may(team, needed);
        if (may) {
            return Optional.empty();
        }
        return Optional.of("Deciding this request needs the " + needed.name() + " role" + (policy.teamOnly()
                ? team.map(name -> " in team " + name).orElse(" in the project's team (it has none: only "
                        + "administrators decide)") : team.map(name -> " in team " + name + " or Plate-wide")
                        .orElse("")) + ".");
    }

    /** Why the token in use changes nothing of this team's: read-only, or limited to another team. */
    Optional<String> tokenRefusal(Optional<String> team) {
        if (user.readOnly()) {
            return Optional.of("A read-only token decides and withdraws nothing.");
        }
        if (user.teamScope().isPresent() && !user.teamScope().equals(team)) {
            return Optional.of("This token is limited to team " + user.teamScope().get() + ".");
        }
        return Optional.empty();
    }
}
