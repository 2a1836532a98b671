package dev.plate.git.internal;

import dev.plate.base.PlateProperties;
import java.nio.file.Path;

/** Where the embedded Git server keeps its bare repositories. */
final class EmbeddedRepositories {

    private EmbeddedRepositories() {}

    static Path root(PlateProperties plate) {
        return plate.dataDir().resolve("git").toAbsolutePath().normalize();
    }
}
