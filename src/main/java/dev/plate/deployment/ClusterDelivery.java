package dev.plate.deployment;

import dev.plate.environment.EnvironmentSummary;
import java.util.List;

/**
 * What the deployment core asks of the cluster side once it has committed a change (implemented by the
 * {@code delivery} module, over Argo CD). Called inside the transaction that records the change: what is
 * recorded (a removal's intent) commits with it, and nothing reaches Argo CD before that transaction commits.
 */
public interface ClusterDelivery {

    /** The project's Argo CD objects should now be those for these environments (import, environment change). */
    void projectChanged(String project, List<EnvironmentSummary> environments);

    /**
     * One environment's change (deployment {@code deploymentId}) is committed: Argo CD should look at it now, and
     * sync it as the user where the environment does not sync by itself. Recorded in this transaction and retried
     * until Argo CD has it; {@link DeploymentLedger#delivered} says when it did.
     *
     * @return whether something is owed to Argo CD (false without a cluster)
     */
    boolean changeCommitted(long deploymentId, String project, EnvironmentSummary environment, String actor,
            String revision);

    /** The project is removed: its Argo CD objects go, by the intent recorded here, in this transaction. */
    void projectRemoved(String project, String actor);

    /** The config repository moved: every object of every project points at the new place. */
    void repositoryMoved();

    /**
     * Objects with the names this project's would get in these environments that are not this Plate's (another
     * team's AppProject, another Plate's Application), described for a person. Empty when there are none, and
     * when Argo CD cannot be asked (the writes themselves still never touch another's object).
     */
    List<String> foreignObjects(String project, List<EnvironmentSummary> environments);
}
