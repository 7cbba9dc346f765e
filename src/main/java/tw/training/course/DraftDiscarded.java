package tw.training.course;

import java.util.List;

/**
 * A draft revision is being dropped, in the transaction that drops it: its modules go next, so whatever hangs on
 * them (learning materials, their stored files) lets go first.
 *
 * @param moduleIds the draft's modules
 */
public record DraftDiscarded(long revisionId, List<Long> moduleIds) {

    public DraftDiscarded {
        moduleIds = List.copyOf(moduleIds);
    }
}
