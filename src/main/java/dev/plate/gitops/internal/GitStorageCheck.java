package dev.plate.gitops.internal;

import dev.plate.base.PlateProperties;
import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.base.health.SystemCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * Plate's embedded Git server keeps its repositories under the data directory: this check says whether that
 * place exists and can be written, which is what every later Git write needs.
 */
@Component
class GitStorageCheck implements SystemCheck {

    private final Path repositories;

    GitStorageCheck(PlateProperties properties) {
        this.repositories = EmbeddedRepositories.root(properties);
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public ComponentStatus check() {
        try {
            Files.createDirectories(repositories);
            if (!Files.isWritable(repositories)) {
                return new ComponentStatus("Git", State.DOWN, repositories + " is not writable by Plate");
            }
            return new ComponentStatus("Git", State.UP, "Embedded Git storage at " + repositories);
        } catch (IOException e) {
            return new ComponentStatus("Git", State.DOWN, "Cannot create " + repositories + ": " + e.getMessage());
        }
    }
}
