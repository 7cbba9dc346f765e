package tw.training.revision;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * Where the indicators of an older revision of a course's plan go in a newer one, through the confirmed crosswalks
 * between the versions of their documents: per older indicator (row id) its newer indicators in the newer plan, each
 * EQUIVALENT or PARTIAL (with the crosswalks' notes). An older indicator the newer plan still holds is not here: it
 * stays what it is. One with no targets is gone from the newer plan.
 *
 * @param via the versions walked, one chain per document ("KPS5294-001v3 → KPS5294-001v4 → KPS5294-001v5")
 */
record Bridge(Map<Long, List<Target>> targets, List<String> via) {

    /** A newer indicator an older one goes to; EQUIVALENT only when every step of the chain said so. */
    record Target(long indicatorId, boolean equivalent, @Nullable String note) {
    }

    Bridge {
        targets = Map.copyOf(targets);
        via = List.copyOf(via);
    }

    List<Target> of(long olderIndicator) {
        return targets.getOrDefault(olderIndicator, List.of());
    }
}
