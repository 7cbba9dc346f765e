package tw.training.revision;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import tw.training.course.AssessmentMethod;

import java.time.Instant;
import java.util.List;

/**
 * One learner's move from the revision of the course they are on to the newest published one: what carries, what
 * reopens, what is lost and what is new; in a dry run what would happen, after a run what did.
 *
 * @param move the move's id once made (also for one already made, {@link State#MOVED})
 */
@Serdeable
public record LearnerMove(long enrollment, String learner, String learnerName, int fromRevision, int toRevision, State state,
                          @Nullable Long move, List<String> via, Items items) {

    /** Where a learner stands with the move. */
    public enum State {
        /** Would move (dry run). */
        MOVABLE,
        /** Moved by this run. */
        MOVED,
        /** On the newest revision already: nothing to do. */
        ALREADY_THERE,
        /** Withdrawn: left where they are. */
        WITHDRAWN,
        /** Holds a certificate, which certifies the version it was issued for: left where they are. */
        CERTIFIED
    }

    /**
     * @param kept indicators the two revisions share, which stay as they are
     */
    @Serdeable
    public record Items(List<Carried> carried, List<Reopened> reopened, List<Lost> lost, List<String> newIndicators, int kept) {

        static final Items NONE = new Items(List.of(), List.of(), List.of(), List.of(), 0);
    }

    /** An older indicator met, so the newer one is met too, through new judgements naming these. */
    @Serdeable
    public record Carried(String from, String to, List<Source> judgements) {
    }

    /** A judgement carried: the original's id, its evidence and method. */
    @Serdeable
    public record Source(long judgement, long evidence, AssessmentMethod method) {
    }

    /**
     * A newer indicator open for an assessor with the older one's evidence attached: PARTIAL (the gap in the note), or
     * EQUIVALENT to an indicator not met yet (or met by methods the newer plan does not all ask for, those carried).
     */
    @Serdeable
    public record Reopened(String from, String to, Relation relation, @Nullable String note, List<Long> evidence, List<Source> judgements) {
    }

    /** An older indicator the newer plan has nothing for, with what the learner had of it. */
    @Serdeable
    public record Lost(String from, boolean met, int evidence) {
    }

    /** A move as recorded: for the history of a course's moves and their reversal. */
    @Serdeable
    @Introspected
    public record Record(long id, long enrollment, String learner, int fromRevision, int toRevision, String via, String movedBy,
                         Instant movedAt, @Nullable String revertedBy, @Nullable Instant revertedAt) {
    }
}
