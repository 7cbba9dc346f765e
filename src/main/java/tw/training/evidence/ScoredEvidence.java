package tw.training.evidence;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.course.AssessmentMethod;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evidence a machine produced and judged (a closed written test): the evidence item, its claims and the system's
 * judgements, recorded in the caller's transaction, then progress derived again through the ledger as for any judgement.
 * An indicator claimed without a judgement (one a short answer tests) waits in the assessors' queue.
 */
@Singleton
public class ScoredEvidence {

    private final EvidenceRepository rows;
    private final JudgementRepository judgements;
    private final ApplicationEventPublisher<JudgementsRecorded> events;
    private final ApplicationEventPublisher<AwaitingMarking> marking;
    private final ApplicationEventPublisher<EvidenceScored> scored;
    private final Clock clock;
    private volatile Long systemAccount;

    ScoredEvidence(EvidenceRepository rows, JudgementRepository judgements, ApplicationEventPublisher<JudgementsRecorded> events,
                   ApplicationEventPublisher<AwaitingMarking> marking, ApplicationEventPublisher<EvidenceScored> scored, Clock clock) {
        this.marking = marking;
        this.scored = scored;
        this.rows = rows;
        this.judgements = judgements;
        this.events = events;
        this.clock = clock;
    }

    /** The system's judgement of one claimed indicator. */
    public record Verdict(long indicatorId, Outcome outcome, String comment) {
    }

    /**
     * Records the evidence with its claims and verdicts; answers its id. Must run in a transaction that holds the
     * enrollment's row lock, as judging does (the ledger takes it again, which is then free).
     */
    public long record(long enrollmentId, AssessmentMethod method, String title, @Nullable String description, Set<Long> claimed,
                       List<Verdict> verdicts) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long id = rows.save(new EvidenceRow(null, enrollmentId, method, title, description, EvidenceStatus.SUBMITTED, now, null, null, null)).id();
        if (!claimed.isEmpty()) {
            rows.addClaims(id, claimed);
        }
        // before the judgements', so that the evidence's leaf precedes theirs in the log
        scored.publishEvent(new EvidenceScored(id, enrollmentId));
        if (!verdicts.isEmpty()) {
            long system = systemAccount();
            List<JudgementRow> saved = judgements.saveAll(verdicts.stream()
                    .map(v -> new JudgementRow(null, id, v.indicatorId(), v.outcome(), v.comment(), system, now)).toList());
            events.publishEvent(new JudgementsRecorded(saved.stream().map(row -> JudgementsRecorded.Recorded.of(row, enrollmentId)).toList()));
        }
        long unjudged = claimed.stream().filter(indicator -> verdicts.stream().noneMatch(v -> v.indicatorId() == indicator)).count();
        if (unjudged > 0) {
            marking.publishEvent(new AwaitingMarking(id, enrollmentId, title, (int) unjudged));
        }
        return id;
    }

    private long systemAccount() {
        Long id = systemAccount;
        if (id == null) {
            id = rows.systemAccount();
            systemAccount = id;
        }
        return id;
    }
}
