package dev.plate.deployment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.ConfigRepository;
import dev.plate.support.PlateTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@PlateTest
class UndoLeavesLaterChangesTest {

    @Autowired
    TransactionalCommits commits;

    @Autowired
    ConfigRepository repository;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void a_removed_directory_comes_back_file_by_file_when_the_removal_could_not_be_recorded() {
        String dir = "scratch/" + UUID.randomUUID();
        var author = new ChangeSet.Author("test", "test@plate.local");
        repository.commit(ChangeSet.writing("add", author, Map.of(dir + "/a.yaml", bytes("a"),
                dir + "/nested/b.yaml", bytes("b"))));

        transactions.executeWithoutResult(status -> {
            commits.commit(new ChangeSet("remove " + dir, author, Map.of(), java.util.Set.of(dir)));
            assertThat(repository.children(dir)).as("removed within the transaction").isEmpty();
            status.setRollbackOnly();
        });

        assertThat(repository.read(dir + "/a.yaml").map(String::new)).hasValue("a");
        assertThat(repository.read(dir + "/nested/b.yaml").map(String::new)).hasValue("b");
    }

    @Test
    void the_undo_of_a_failed_transaction_leaves_a_file_changed_again_since_alone() {
        String path = "scratch/" + UUID.randomUUID() + ".txt";
        String other = "scratch/" + UUID.randomUUID() + ".txt";
        var author = new ChangeSet.Author("test", "test@plate.local");

        transactions.executeWithoutResult(status -> {
            commits.commit(ChangeSet.writing("first", author, Map.of(path, bytes("first"), other, bytes("mine"))));
            repository.commit(ChangeSet.writing("meanwhile", author, Map.of(path, bytes("changed meanwhile"))));
            status.setRollbackOnly();
        });

        assertThat(repository.read(path).map(String::new)).hasValue("changed meanwhile");
        assertThat(repository.read(other)).as("the file only the failed change wrote is gone again").isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
