package dev.plate.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.plate.argocd.ArgoCd;
import dev.plate.argocd.LiveObject;
import dev.plate.audit.AuditLog;
import dev.plate.base.ValidationException;
import dev.plate.delivery.DeliveryProperties;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.deployment.ProjectPlacements;
import dev.plate.gitops.ConfigRepository;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.ArgoCdCluster;
import dev.plate.support.IsolatedArgoCdTest;
import dev.plate.support.SignIn;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A recorded removal deletes a project's objects only when it still means it: not while pruning is switched off
 * (PLATE_ARGOCD_PRUNE=false holds every path, the confirmation too), and not, unconfirmed, while the config
 * repository still has the project (a database restored from before the project was imported again).
 */
@IsolatedArgoCdTest
class RemovalsTest {

    static final ArgoCdCluster CLUSTER = IsolatedArgoCdTest.CLUSTER;

    @Autowired
    DeploymentService deployments;
    @Autowired
    ArgoCd argoCd;
    @Autowired
    RemovalIntents intents;
    @Autowired
    Removals removals;
    @Autowired
    AuditLog audit;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ConfigRepository repository;
    @Autowired
    DeliveryProperties properties;
    @Autowired
    ReconcileReports reports;
    @Autowired
    ProjectPlacements placements;
    @Autowired
    SecurityContextHolderStrategy securityContext;
    @Autowired
    Clock clock;

    String name = "rm" + Long.toString(System.nanoTime(), 36).substring(6);

    @BeforeEach
    void importProject() {
        SignIn.as(securityContext, "admin", Role.ADMIN);
        deployments.importProject(new ImportRequest(new NewProject(name, null, "ghcr.io/acme/" + name, 8080, "/",
                List.of()), "1.0.0"));
        await().atMost(Duration.ofSeconds(20)).until(() -> CLUSTER.application(name + "-prod") != null);
    }

    @AfterEach
    void cleanUp() {
        intents.deleteByProject(name);
        securityContext.clearContext();
    }

    @Test
    void with_pruning_switched_off_a_removal_deletes_nothing_and_cannot_be_confirmed() {
        var off = new DeliveryProperties(properties.reconcileInterval(), properties.reconcileInitialDelay(), false,
                properties.prunePauseFraction(), properties.prunePauseMinimum(), properties.outboxInterval());
        transaction.executeWithoutResult(tx -> intents.save(new RemovalIntent(name, "admin", clock.instant(), true)));

        int deleted = new Removals(argoCd, intents, audit, transaction, off, repository).delete(objects(), () -> true);

        assertThat(deleted).isZero();
        assertThat(objects()).hasSize(4).allSatisfy(object -> assertThat(object.deleting()).isFalse());
        var reconciliation = new Reconciliation(reports, argoCd, placements, intents, removals, audit, securityContext,
                transaction, clock, off);
        assertThatThrownBy(() -> reconciliation.confirmRemoval(List.of("gone"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("PLATE_ARGOCD_PRUNE");
    }

    @Test
    void an_unconfirmed_removal_of_a_project_the_config_repository_still_has_deletes_nothing() {
        // A database restored from a backup taken while an earlier removal of this name was pending.
        transaction.executeWithoutResult(tx -> intents.save(new RemovalIntent(name, "someone", clock.instant(),
                false)));
        assertThat(repository.children("applications")).contains(name);

        assertThat(removals.delete(objects(), () -> true)).isZero();

        assertThat(objects()).hasSize(4).allSatisfy(object -> assertThat(object.deleting()).isFalse());
    }

    private List<LiveObject> objects() {
        return argoCd.list().stream().filter(object -> object.project().filter(name::equals).isPresent()).toList();
    }
}
