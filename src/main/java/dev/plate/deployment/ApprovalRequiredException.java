package dev.plate.deployment;

import dev.plate.base.ConflictException;

/** A change to an environment whose changes wait for approvals, asked for as if it did not: it must be requested. */
public class ApprovalRequiredException extends ConflictException {

    public ApprovalRequiredException(String message) {
        super("environment", message);
    }
}
