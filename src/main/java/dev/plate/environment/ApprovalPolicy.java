package dev.plate.environment;

import dev.plate.base.ValidationException;
import dev.plate.security.Role;
import java.time.Duration;
import java.util.Objects;

/**
 * Whether a change to an environment needs other people's approval before it is committed, and whose. Kept with the
 * environment (its row and {@code environments/<env>.yaml}), so a recovery from Git brings it back.
 *
 * @param required approvals a deployment, promotion or rollback needs; 0: none, it is committed at once
 * @param approverRole the role an approver needs for the project (in its team, or Plate-wide)
 * @param teamOnly only the role the project's team gives counts, not a Plate-wide one (administrators always count)
 * @param requesterMayApprove whether the person who asked may approve their own change (not by default)
 * @param expiry how long a request waits for its approvals before it expires
 */
public record ApprovalPolicy(int required, Role approverRole, boolean teamOnly, boolean requesterMayApprove,
        Duration expiry) {

    public static final int MAX_REQUIRED = 10;
    public static final Duration SHORTEST = Duration.ofMinutes(5);
    public static final Duration LONGEST = Duration.ofDays(30);
    public static final ApprovalPolicy NONE = new ApprovalPolicy(0, Role.MAINTAINER, false, false,
            Duration.ofHours(24));

    public ApprovalPolicy {
        Objects.requireNonNull(approverRole, "approverRole");
        Objects.requireNonNull(expiry, "expiry");
    }

    public boolean applies() {
        return required > 0;
    }

    /** @throws ValidationException naming the field, with what is accepted */
    public ApprovalPolicy validated() {
        if (required < 0 || required > MAX_REQUIRED) {
            throw new ValidationException("approvals.required", "Required approvals are 0 (none) to " + MAX_REQUIRED
                    + ", not " + required + ".");
        }
        if (approverRole == Role.VIEWER) {
            throw new ValidationException("approvals.approverRole", "An approver changes what runs: choose "
                    + "DEVELOPER, MAINTAINER or ADMIN, not VIEWER.");
        }
        if (expiry.compareTo(SHORTEST) < 0 || expiry.compareTo(LONGEST) > 0) {
            throw new ValidationException("approvals.expiry", "A request waits between " + SHORTEST.toMinutes()
                    + " minutes and " + LONGEST.toDays() + " days for its approvals, not " + describe(expiry) + ".");
        }
        return this;
    }

    /** "2 approvals by a MAINTAINER of the project's team, not the requester's own, within 24 h"; "none". */
    public String describe() {
        if (!applies()) {
            return "no approvals";
        }
        return required + (required == 1 ? " approval" : " approvals") + " by " + (approverRole == Role.ADMIN ? "an "
                : "a ") + approverRole.name() + (teamOnly ? " of the project's team" : "")
                + (requesterMayApprove ? ", the requester's own counting" : ", not the requester's own") + ", within "
                + describe(expiry);
    }

    static String describe(Duration duration) {
        return duration.toMinutes() % 60 != 0 || duration.toHours() == 0 ? duration.toMinutes() + " min"
                : duration.toHours() % 24 != 0 || duration.toDays() == 0 ? duration.toHours() + " h"
                : duration.toDays() + " d";
    }
}
