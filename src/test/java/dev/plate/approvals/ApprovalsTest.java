package dev.plate.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.plate.base.ConflictException;
import dev.plate.base.ValidationException;
import dev.plate.deployment.ApprovalRequiredException;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.EnvironmentAdministration;
import dev.plate.deployment.ImportRequest;
import dev.plate.deployment.PromoteRequest;
import dev.plate.environment.ApprovalPolicy;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSettings;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepoLayout;
import dev.plate.project.NewProject;
import dev.plate.security.NewUser;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.PlateTest;
import dev.plate.support.SignIn;
import dev.plate.teams.TeamService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Requests in the last environment (prod), which waits for two MAINTAINER approvals: who may ask, who may approve,
 * the change committed exactly as previewed once approved (and never another one), rejection, withdrawal, expiry by
 * the periodic sweep, and two approvals arriving at once. Each outcome is checked where it lands: the values file in
 * the config repository, its commit, the request's row and the audit log.
 */
@PlateTest
class ApprovalsTest {

    @Autowired
    DeploymentRequests requests;
    @Autowired
    DeploymentService deployments;
    @Autowired
    EnvironmentAdministration administration;
    @Autowired
    EnvironmentService environments;
    @Autowired
    TeamService teams;
    @Autowired
    UserService users;
    @Autowired
    ConfigRepository repository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecurityContextHolderStrategy securityContext;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry metrics;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String team = "appr-" + suffix;
    final String project = "ap-" + suffix;
    String prod;
    /** A DEVELOPER of the team, three MAINTAINERs of it, a Plate-wide MAINTAINER outside it, a Plate-wide VIEWER. */
    String dev;
    String m1;
    String m2;
    String m3;
    String outsider;
    String viewer;

    @BeforeEach
    void prodWaitsForTwoMaintainers() {
        dev = user("dev", Role.VIEWER);
        m1 = user("m1", Role.VIEWER);
        m2 = user("m2", Role.VIEWER);
        m3 = user("m3", Role.VIEWER);
        outsider = user("out", Role.MAINTAINER);
        viewer = user("view", Role.VIEWER);
        prod = environments.list().getLast().name();
        asAdmin(() -> {
            teams.create(team, "Approvals");
            teams.setMember(team, dev, Role.DEVELOPER);
            for (String maintainer : List.of(m1, m2, m3)) {
                teams.setMember(team, maintainer, Role.MAINTAINER);
            }
            deployments.importProject(new ImportRequest(new NewProject(project, null, "ghcr.io/acme/" + project, 8080,
                    "/healthz", List.of()).inTeam(team), "1.0.0"));
            policy(new ApprovalPolicy(2, Role.MAINTAINER, false, false, Duration.ofHours(24)));
            return null;
        });
    }

    @AfterEach
    void prodCommitsAtOnceAgain() {
        asAdmin(() -> {
            policy(ApprovalPolicy.NONE);
            if (jdbc.queryForObject("select count(*) from project where name = ?", Integer.class, project) > 0) {
                deployments.deleteProject(project, project);
            }
            teams.delete(team);
            return null;
        });
    }

    @Test
    void two_approvals_of_three_maintainers_commit_the_change_exactly_as_it_was_previewed() {
        String before = values();
        String head = repository.head();
        long approvedBefore = metrics.get("plate.requests.time.to.approve").timer().count();

        var asked = as(dev, () -> requests.submit(DeployRequest.image(project, prod, "2.0.0")));
        await().atMost(Duration.ofSeconds(10)).until(() -> metrics.get("plate.requests.pending").gauge().value() >= 1);

        assertThat(asked.deployment()).as("nothing committed yet").isEmpty();
        var request = asked.request().orElseThrow();
        assertThat(request.state()).isEqualTo(RequestState.PENDING);
        assertThat(request.required()).isEqualTo(2);
        assertThat(request.preview().files().getFirst().before()).isEqualTo(before);
        assertThat(request.preview().files().getFirst().after()).contains("2.0.0");
        assertThat(repository.head()).isEqualTo(head);
        assertThat(values()).isEqualTo(before);
        assertThat(as(m1, () -> requests.waitingForMe())).extracting(RequestView::id).contains(request.id());
        assertThat(as(dev, () -> requests.waitingForMe())).extracting(RequestView::id).doesNotContain(request.id());

        var once = as(m1, () -> requests.approve(request.id(), "looks right"));
        assertThat(once.state()).isEqualTo(RequestState.PENDING);
        assertThat(once.approvals()).isOne();
        assertThat(repository.head()).as("one approval of two commits nothing").isEqualTo(head);
        assertThatThrownBy(() -> as(m1, () -> requests.approve(request.id(), ""))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("decided request #" + request.id() + " already");

        var twice = as(m2, () -> requests.approve(request.id(), null));

        assertThat(twice.state()).isEqualTo(RequestState.COMMITTED);
        assertThat(twice.deploymentId()).isPresent();
        assertThat(values()).as("committed as previewed").isEqualTo(request.preview().files().getFirst().after());
        var commit = repository.history(List.of(RepoLayout.valuesFile(project, prod))).getLast();
        assertThat(commit.message()).contains("approved by " + m1 + ", " + m2 + " (request #" + request.id() + ")");
        assertThat(commit.author()).as("on the requester's behalf").isEqualTo(dev);
        var deployment = as(dev, () -> deployments.deployment(twice.deploymentId().get()));
        assertThat(deployment.requestedBy()).isEqualTo(dev);
        assertThat(deployment.imageTag()).isEqualTo("2.0.0");
        assertThatThrownBy(() -> as(m3, () -> requests.approve(request.id(), ""))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("is committed");
        assertThat(audit("request.committed")).contains("#" + request.id() + " committed as deployment #"
                + deployment.id() + ", approved by " + m1 + ", " + m2);
        assertThat(audit("deployment.deploy")).contains("approved by " + m1 + ", " + m2);
        assertThat(metrics.get("plate.requests.time.to.approve").timer().count()).isEqualTo(approvedBefore + 1);
    }

    @Test
    void a_change_cannot_skip_its_approvals() {
        assertThatThrownBy(() -> as(m1, () -> deployments.deploy(DeployRequest.image(project, prod, "2.0.0"))))
                .isInstanceOf(ApprovalRequiredException.class).hasMessageContaining("wait for 2 approvals");
        String staging = environments.list().get(environments.list().size() - 2).name();
        assertThatThrownBy(() -> asAdmin(() -> deployments.promote(new PromoteRequest(project, staging, prod, false))))
                .as("not even an administrator's").isInstanceOf(ApprovalRequiredException.class);
        assertThat(jdbc.queryForObject("select count(*) from deployment where project_id = (select id from project "
                + "where name = ?) and kind <> 'IMPORT'", Integer.class, project)).isZero();
        var elsewhere = as(dev, () -> requests.submit(DeployRequest.image(project, environments.list().getFirst().name(),
                "1.1.0")));
        assertThat(elsewhere.deployment()).as("without approvals a change is made at once").isPresent();
    }

    /** Who may ask and who may decide, by role in the project's team, Plate-wide role and the policy's options. */
    @Test
    void who_may_ask_and_who_may_approve() {
        assertThatThrownBy(() -> as(viewer, () -> requests.submit(DeployRequest.image(project, prod, "2.0.0"))))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("needs the DEVELOPER role in team "
                        + team);
        long id = as(dev, () -> requests.submit(DeployRequest.image(project, prod, "2.0.0"))).request().orElseThrow()
                .id();

        assertThatThrownBy(() -> as(dev, () -> requests.approve(id, ""))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("You asked for this change");
        assertThatThrownBy(() -> as(viewer, () -> requests.approve(id, ""))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("needs the MAINTAINER role in team " + team + " or Plate-wide");
        assertThat(as(outsider, () -> requests.get(id)).mayDecide()).as("a Plate-wide maintainer").isTrue();

        asAdmin(() -> policy(new ApprovalPolicy(2, Role.MAINTAINER, true, false, Duration.ofHours(24)), null));
        assertThat(as(outsider, () -> requests.get(id)).mayDecide()).as("not when only the team's roles count")
                .isFalse();
        assertThatThrownBy(() -> as(outsider, () -> requests.approve(id, ""))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("needs the MAINTAINER role in team " + team + ".");
        assertThat(as(m1, () -> requests.approve(id, "")).approvals()).isOne();
        assertThat(asAdmin(() -> requests.get(id)).mayDecide()).as("an administrator always may").isTrue();

        asAdmin(() -> policy(new ApprovalPolicy(2, Role.MAINTAINER, false, true, Duration.ofHours(24)), null));
        long own = as(m2, () -> requests.submit(DeployRequest.image(project, prod, "3.0.0"))).request().orElseThrow()
                .id();
        assertThat(as(m2, () -> requests.approve(own, "mine, allowed here")).approvals())
                .as("the requester's own approval counts where the policy says so").isOne();
        assertThat(jdbc.queryForObject("select count(*) from deployment_request_decision d join deployment_request r "
                + "on r.id = d.request_id where r.project = ? and d.username = ?", Integer.class, project, viewer))
                .as("a refused decision records nothing").isZero();

        asAdmin(() -> policy(new ApprovalPolicy(2, Role.MAINTAINER, false, false, Duration.ofHours(24)), null));
        var counted = as(m3, () -> requests.approve(own, ""));
        assertThat(counted.state()).as("the requester's own approval stopped counting with the policy")
                .isEqualTo(RequestState.PENDING);
        assertThatThrownBy(() -> as(dev, () -> deployments.retry(project, prod)))
                .as("a retry is no request: the protection alone decides").isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("needs the MAINTAINER role");
    }

    @Test
    void the_requests_of_a_removed_project_are_withdrawn() {
        long id = as(dev, () -> requests.submit(DeployRequest.image(project, prod, "2.0.0"))).request().orElseThrow()
                .id();

        asAdmin(() -> {
            deployments.deleteProject(project, project);
            return null;
        });

        assertThatThrownBy(() -> as(m1, () -> requests.approve(id, ""))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("was removed");
        await().atMost(Duration.ofSeconds(10)).until(() -> as(dev, () -> requests.get(id)).state(),
                state -> state == RequestState.CANCELLED);
        assertThat(as(m1, () -> requests.waitingForMe())).extracting(RequestView::id).doesNotContain(id);
        assertThat(as(dev, () -> requests.get(id)).reason()).hasValue("The project was removed.");
    }

    @Test
    void a_request_approved_after_the_environment_changed_is_stale_and_commits_nothing() {
        var image = as(dev, () -> requests.submit(DeployRequest.image(project, prod, "2.0.0"))).request().orElseThrow();
        var replicas = as(dev, () -> requests.submit(DeployRequest.changes(project, prod, Optional.empty(),
                Map.of("replicas", "3"), List.of()))).request().orElseThrow();
        as(m1, () -> requests.approve(image.id(), ""));
        as(m2, () -> requests.approve(image.id(), ""));
        String afterImage = values();
        String head = repository.head();

        as(m1, () -> requests.approve(replicas.id(), ""));
        var stale = as(m2, () -> requests.approve(replicas.id(), ""));

        assertThat(stale.state()).isEqualTo(RequestState.STALE);
        assertThat(stale.reason()).hasValueSatisfying(why -> assertThat(why).contains("changed after this change was "
                + "asked for").contains("ask again"));
        assertThat(repository.head()).as("never a different change than the one approved").isEqualTo(head);
        assertThat(values()).isEqualTo(afterImage).doesNotContain("replicas: 3");
        assertThat(stale.deploymentId()).isEmpty();
        assertThat(audit("request.stale")).contains("#" + replicas.id());
    }

    @Test
    void a_rejection_says_why_and_ends_the_request_and_the_requester_may_withdraw() {
        long id = as(dev, () -> requests.submit(DeployRequest.image(project, prod, "2.0.0"))).request().orElseThrow()
                .id();
        assertThatThrownBy(() -> as(m1, () -> requests.reject(id, "  "))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Say why");

        var rejected = as(m1, () -> requests.reject(id, "not during the sale"));

        assertThat(rejected.state()).isEqualTo(RequestState.REJECTED);
        assertThat(rejected.reason()).hasValue("Rejected by " + m1 + ": not during the sale");
        assertThatThrownBy(() -> as(m2, () -> requests.approve(id, ""))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("is rejected");

        long other = as(dev, () -> requests.submit(DeployRequest.image(project, prod, "2.0.1"))).request().orElseThrow()
                .id();
        assertThatThrownBy(() -> as(m1, () -> requests.cancel(other))).isInstanceOf(AccessDeniedException.class);
        assertThat(as(dev, () -> requests.cancel(other)).state()).isEqualTo(RequestState.CANCELLED);
        assertThat(as(viewer, () -> requests.list(Optional.of(project), true))).isEmpty();
    }

    /** The sweep runs as in production, only every half second in tests. */
    @Test
    void a_request_nobody_approves_in_time_expires() {
        long id = as(dev, () -> requests.submit(DeployRequest.image(project, prod, "2.0.0"))).request().orElseThrow()
                .id();
        assertThat(as(dev, () -> requests.get(id)).expiresAt()).isAfter(java.time.Instant.now()
                .plus(Duration.ofHours(23)));
        jdbc.update("update deployment_request set expires_at = ? where id = ?", java.sql.Timestamp.from(
                java.time.Instant.now().minusSeconds(1)), id);
        assertThatThrownBy(() -> as(m1, () -> requests.approve(id, ""))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("expired");

        await().atMost(Duration.ofSeconds(10)).until(() -> as(dev, () -> requests.get(id)).state(),
                state -> state == RequestState.EXPIRED);
        assertThat(audit("request.expired")).contains("#" + id + " asked by " + dev);
        assertThat(metrics.get("plate.requests.ended").tag("state", "expired").counter().count()).isPositive();
    }

    /** Three maintainers approve at the same moment: the change is committed once. */
    @Test
    void approvals_arriving_at_once_commit_the_change_once() throws Exception {
        long id = as(dev, () -> requests.submit(DeployRequest.image(project, prod, "2.0.0"))).request().orElseThrow()
                .id();
        String head = repository.head();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(3);
        var results = new ArrayList<java.util.concurrent.Future<Object>>();
        for (String maintainer : List.of(m1, m2, m3)) {
            results.add(pool.submit((Callable<Object>) () -> {
                start.await();
                try {
                    return as(maintainer, () -> requests.approve(id, ""));
                } catch (RuntimeException refused) {
                    return refused;
                }
            }));
        }
        start.countDown();
        for (var result : results) {
            result.get();
        }
        pool.shutdown();

        assertThat(as(dev, () -> requests.get(id)).state()).isEqualTo(RequestState.COMMITTED);
        assertThat(repository.history(List.of(RepoLayout.valuesFile(project, prod))).stream()
                .filter(commit -> !commit.sha().equals(head)).filter(commit -> commit.message().contains("request #"
                        + id)).count()).isOne();
    }

    private void policy(ApprovalPolicy policy) {
        administration.update(prod, EnvironmentSettings.of(environments.find(prod).orElseThrow())
                .withApprovals(policy));
    }

    /** For a supplier: the same, answering {@code result}. */
    private <T> T policy(ApprovalPolicy policy, T result) {
        policy(policy);
        return result;
    }

    private String values() {
        return new String(repository.read(RepoLayout.valuesFile(project, prod)).orElseThrow(),
                StandardCharsets.UTF_8);
    }

    private String audit(String action) {
        return jdbc.queryForObject("select details from audit_event where action = ? and target = ? order by id desc "
                + "limit 1", String.class, action, "project:" + project + "/" + prod);
    }

    private String user(String name, Role role) {
        String username = name + "-" + suffix;
        asAdmin(() -> users.createUser(new NewUser(username, username, role, "a-long-enough-password-1")));
        return username;
    }

    private <T> T asAdmin(Supplier<T> action) {
        return as("admin", Role.ADMIN, action);
    }

    private <T> T as(String username, Supplier<T> action) {
        return as(username, jdbc.queryForObject("select role from plate_user where username = ?", String.class,
                username), action);
    }

    private <T> T as(String username, String role, Supplier<T> action) {
        return as(username, Role.valueOf(role), action);
    }

    private <T> T as(String username, Role role, Supplier<T> action) {
        SignIn.as(securityContext, username, role);
        try {
            return action.get();
        } finally {
            securityContext.clearContext();
        }
    }
}
