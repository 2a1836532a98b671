package dev.plate.recovery.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Ids for one recovery: those the repository names, then the lowest free ones, in history's order. */
final class HistoryIds {

    /**
     * Room above the highest id Git records, where rows were lost: deployments that made no commit (retries,
     * attempts whose commit failed) took ids Git does not record, and an old link must name nothing rather than
     * another deployment.
     */
    static final long UNRECORDED_ID_MARGIN = 1000;

    private final Set<Long> named;
    private final Set<Long> used = new HashSet<>();
    private long next = 1;

    HistoryIds(List<Long> named) {
        this.named = Set.copyOf(named);
    }

    /** The named id if it is still free, else the lowest id neither named nor used. */
    long take(Optional<Long> id) {
        if (id.isPresent() && used.add(id.get())) {
            return id.get();
        }
        while (named.contains(next) || used.contains(next)) {
            next++;
        }
        used.add(next);
        return next++;
    }

    long highest() {
        return used.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
