package dev.plate.gitops.internal;

import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.base.health.SystemCheck;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.GitException;
import org.springframework.stereotype.Component;

/** The config repository every change is committed to: where it is, and that its head can be read. */
@Component
class GitStorageCheck implements SystemCheck {

    private final ConfigRepository repository;

    GitStorageCheck(ConfigRepository repository) {
        this.repository = repository;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public ComponentStatus check() {
        try {
            String head = repository.head();
            var problem = repository.writeProblem();
            if (problem.isPresent()) {
                return new ComponentStatus("Git", State.DOWN, "The config repository cannot be written: "
                        + problem.get());
            }
            return new ComponentStatus("Git", State.UP, "Config repository " + repository.cloneUrl()
                    + (head.isEmpty() ? ", empty" : " at " + head.substring(0, 7)));
        } catch (GitException e) {
            return new ComponentStatus("Git", State.DOWN, e.getMessage());
        }
    }
}
