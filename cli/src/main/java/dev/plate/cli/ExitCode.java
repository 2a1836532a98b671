package dev.plate.cli;

/** Distinct exit codes, so scripts can tell what went wrong without parsing messages. */
public final class ExitCode {
    public static final int OK = 0;
    /** Anything else: the server failed, a conflict, an unexpected answer. */
    public static final int ERROR = 1;
    /** Wrong options or input the server refused as invalid (HTTP 400, 413, 415). */
    public static final int USAGE = 2;
    /** Not logged in, the token was refused (401), or the role does not allow it (403). */
    public static final int AUTH = 3;
    /** The project, environment or deployment does not exist (404). */
    public static final int NOT_FOUND = 4;
    /** {@code --wait}: the deployment failed, timed out in Argo CD, was superseded, or the wait ran out. */
    public static final int DEPLOYMENT_FAILED = 5;
    /** Plate could not be reached at all. */
    public static final int UNREACHABLE = 6;
    /** What the command would create exists already (a project, environment or user of that name). */
    public static final int CONFLICT = 7;
    /**
     * The change was asked for and waits for approvals: nothing is committed yet (a script must not go on as if it
     * were deployed; {@code --wait} waits through the approval instead).
     */
    public static final int AWAITING_APPROVAL = 8;

    private ExitCode() {}
}
