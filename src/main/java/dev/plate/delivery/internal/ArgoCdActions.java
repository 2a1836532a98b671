package dev.plate.delivery.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ArgoCdActions extends JpaRepository<ArgoCdAction, Long> {

    /** What is due now, oldest first (each application's actions in the order they were made). */
    @Query("select a from ArgoCdAction a where a.deliveredAt is null and a.nextAttemptAt <= :now order by a.id")
    List<ArgoCdAction> due(Instant now, org.springframework.data.domain.Limit limit);

    /** The same application's later action, if one is waiting: it covers this one (its revision contains it). */
    @Query("select count(a) > 0 from ArgoCdAction a where a.project = :project and a.environment = :environment "
            + "and a.id > :id")
    boolean laterExists(String project, String environment, long id);

    /** Which application an action is for (a projection: no entity is loaded before the lock below). */
    interface Target {
        String getProject();

        String getEnvironment();
    }

    @Query("select a.project as project, a.environment as environment from ArgoCdAction a where a.id = :id "
            + "and a.deliveredAt is null")
    java.util.Optional<Target> undeliveredTarget(long id);

    /**
     * An application's undelivered actions, locked until the transaction ends: two attempts for the same application
     * (the first try on one instance, the leader's retry on another) send one after the other, never crossing.
     */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from ArgoCdAction a where a.project = :project and a.environment = :environment "
            + "and a.deliveredAt is null order by a.id")
    List<ArgoCdAction> lockUndelivered(String project, String environment);

    @Query("select count(a) from ArgoCdAction a where a.deliveredAt is null")
    long undelivered();

    @Modifying
    @Transactional
    @Query("delete from ArgoCdAction a where a.project = :project")
    int deleteByProject(String project);

    /** Delivered ones are kept a day, for the record, then go. */
    @Modifying
    @Transactional
    @Query("delete from ArgoCdAction a where a.deliveredAt < :before")
    int deleteDeliveredBefore(Instant before);
}
