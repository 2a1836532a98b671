package dev.plate.deployment.internal;

import java.nio.file.Path;
import java.util.List;

/** {@link KilledDuringDeploys} on the embedded H2 file database a first run uses (nothing given). */
class KilledDuringDeploysOnH2Test extends KilledDuringDeploys {

    @Override
    List<String> database(Path data) {
        return List.of();
    }

    @Override
    String prefix() {
        return "killed-h2";
    }
}
