package dev.plate.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The published contracts of the systems Plate talks to (../shared/contracts, or PLATE_CONTRACTS_DIR). Absent
 * on a user's fresh clone: the contract checks are then skipped with a message, never silently passed; CI
 * always has them (.ci/run fails without them).
 */
public final class Contracts {

    private Contracts() {}

    public static Path dir() {
        String configured = System.getenv("PLATE_CONTRACTS_DIR");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "shared", "contracts");
        if (!Files.isDirectory(dir) && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must check the contracts, but " + dir.toAbsolutePath() + " is missing");
        }
        Assumptions.assumeTrue(Files.isDirectory(dir), "SKIPPED contract check: " + dir.toAbsolutePath()
                + " is missing (set PLATE_CONTRACTS_DIR; see ../shared/contracts/README.md)");
        return dir;
    }

    public static Path kubernetesSchema(String fileName) {
        return dir().resolve("kubernetes-v1.32").resolve(fileName);
    }
}
