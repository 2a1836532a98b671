package dev.plate.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.gitops.RepoLayout;
import dev.plate.history.DeploymentRecord;
import dev.plate.security.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * 64 deploys to different apps and 16 to one app, all at once, into one config repository: every one is
 * committed exactly once, history stays linear, and each app ends with its last accepted change.
 */
class ConcurrentDeploysTest extends GitOpsTestBase {

    @Test
    void concurrent_deploys_all_land_exactly_once_in_a_linear_history() throws Exception {
        signInAs("dana", Role.DEVELOPER);
        String batch = uniqueName("c");
        var apps = new ArrayList<String>();
        for (int i = 0; i < 64; i++) {
            apps.add(batch + "-" + i);
            deployments.importProject(new ImportRequest(project(batch + "-" + i), "0.0.1"));
        }
        String shared = apps.getFirst();
        String start;
        try (var bare = bare()) {
            start = bare.head();
        }

        var tasks = new ArrayList<Callable<DeploymentRecord>>();
        for (String app : apps) {
            tasks.add(() -> deployments.deploy(DeployRequest.image(app, "dev", "1.0.0")));
        }
        for (int i = 1; i <= 16; i++) {
            String tag = "2.0." + i;
            tasks.add(() -> deployments.deploy(DeployRequest.image(shared, "staging", tag)));
        }
        var results = runAtOnce(tasks);

        assertThat(results).hasSize(80);
        assertThat(results.stream().map(DeploymentRecord::toRevision).distinct()).hasSize(80);
        try (var bare = bare()) {
            List<RevCommit> history = bare.history();
            var newCommits = history.subList(0, history.indexOf(bare.commit(start)));
            assertThat(newCommits).hasSize(80);
            assertThat(newCommits).allMatch(commit -> commit.getParentCount() == 1);
            assertThat(newCommits.stream().map(RevCommit::getName).toList())
                    .containsExactlyInAnyOrderElementsOf(results.stream().map(DeploymentRecord::toRevision).toList());
        }
        for (String app : apps) {
            assertThat(tag(app, "dev")).isEqualTo("1.0.0");
        }
        // The last accepted change to the shared app is the one with the highest deployment id.
        var lastAccepted = results.stream().filter(r -> r.environment().equals("staging"))
                .max((a, b) -> Long.compare(a.id(), b.id())).orElseThrow();
        assertThat(tag(shared, "staging")).isEqualTo(lastAccepted.imageTag());
        assertThat(deployments.currentConfig(shared, "staging").imageTag()).isEqualTo(lastAccepted.imageTag());
        assertThat(new HashSet<>(deployments.history(shared, "staging").stream()
                .map(DeploymentRecord::imageTag).toList())).hasSize(17);
        var fsck = EmbeddedGitServerTest.git(plate.dataDir(), "--git-dir=git/" + git.repositoryName() + ".git",
                "fsck", "--strict", "--no-dangling");
        assertThat(fsck.exit()).as("git fsck: " + fsck.output()).isZero();
    }

    private String tag(String app, String env) {
        byte[] values = repository.read(RepoLayout.valuesFile(app, env)).orElseThrow();
        return YAMLMapper.builder().build().readTree(new String(values, StandardCharsets.UTF_8))
                .at("/image/tag").asString();
    }

    /** Starts every task at the same moment, each signed in as the test's user on its own thread. */
    private List<DeploymentRecord> runAtOnce(List<Callable<DeploymentRecord>> tasks) throws Exception {
        var authentication = securityContext.getContext().getAuthentication();
        var start = new CountDownLatch(1);
        var results = new ConcurrentLinkedQueue<DeploymentRecord>();
        var failures = new ConcurrentLinkedQueue<Throwable>();
        try (var pool = Executors.newFixedThreadPool(32)) {
            for (var task : tasks) {
                pool.submit(() -> {
                    securityContext.getContext().setAuthentication(authentication);
                    try {
                        start.await();
                        results.add(task.call());
                    } catch (Throwable e) {
                        failures.add(e);
                    } finally {
                        securityContext.clearContext();
                    }
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(failures).isEmpty();
        return new ArrayList<>(results);
    }
}
