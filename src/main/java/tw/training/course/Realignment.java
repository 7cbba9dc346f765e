package tw.training.course;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * How a course's plan moves from one version of a document to the next (a confirmed crosswalk, read by the revision
 * feature): each aligned older task's newer tasks (none when it is gone); each older indicator's newer indicators, each
 * carrying its methods and flagged for review when only PARTIAL; the task of every newer indicator; and the newer
 * indicators of each newer task that are NEW, added to a whole task without a method.
 *
 * @param source what the plan moves through, for the review flags' words ("KPS5294-001v4 → KPS5294-001v5")
 */
public record Realignment(Map<Long, List<Long>> tasks, Map<Long, List<Target>> indicators, Map<Long, Long> taskOf,
                          Map<Long, List<Long>> added, Map<Long, String> codes, String source) {

    /** A newer indicator an older one's plan goes to. */
    public record Target(long indicatorId, boolean review, @Nullable String note) {
    }
}
