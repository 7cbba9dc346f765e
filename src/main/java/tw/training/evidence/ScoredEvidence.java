package tw.training.evidence;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.course.AssessmentMethod;
import tw.training.database.Sql;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Evidence a machine produced and judged (a closed written test): the evidence item, its claims and the system's
 * judgements, recorded in the caller's transaction, then progress derived again through the ledger as for any judgement.
 * An indicator claimed without a judgement (one a short answer tests) waits in the assessors' queue.
 */
@Singleton
public class ScoredEvidence {

    private static final List<String> EVIDENCE_COLUMNS = List.of("enrollment_id", "method", "title", "description", "status", "submitted_at");

    private final EvidenceRepository rows;
    private final Sql sql;
    private final JudgementAppender judgements;
    private final ApplicationEventPublisher<JudgementsRecorded> events;
    private final ApplicationEventPublisher<AwaitingMarking> marking;
    private final ApplicationEventPublisher<EvidenceScored> scored;
    private final Clock clock;
    private volatile Long systemAccount;

    ScoredEvidence(EvidenceRepository rows, Sql sql, JudgementAppender judgements, ApplicationEventPublisher<JudgementsRecorded> events,
                   ApplicationEventPublisher<AwaitingMarking> marking, ApplicationEventPublisher<EvidenceScored> scored, Clock clock) {
        this.marking = marking;
        this.scored = scored;
        this.rows = rows;
        this.sql = sql;
        this.judgements = judgements;
        this.events = events;
        this.clock = clock;
    }

    /** The system's judgement of one claimed indicator. */
    public record Verdict(long indicatorId, Outcome outcome, String comment) {
    }

    /** A piece a machine scored: whose, how, titled what, the indicators it claims and its verdicts on them. */
    public record Scored(long enrollmentId, AssessmentMethod method, String title, @Nullable String description, Set<Long> claimed,
                         List<Verdict> verdicts) {
    }

    /**
     * Records several pieces at once, in a few statements whatever their number (written tests closed together); answers
     * their ids in the order given. The caller's transaction holds every enrollment's row lock, as judging takes it (the
     * ledger takes it again, which is then free).
     */
    public List<Long> recordAll(List<Scored> pieces) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // one statement for the group's pieces, as for their judgements (JudgementAppender)
        List<Long> ids = java.util.Arrays.stream(sql.insertAll("evidence", "evidence_id", EVIDENCE_COLUMNS, pieces.stream().map(p -> new Object[] {
                p.enrollmentId(), p.method(), p.title(), p.description(), EvidenceStatus.SUBMITTED, now}).toList())).boxed().toList();
        List<Long> pairs = new ArrayList<>();
        Set<Long> indicators = new HashSet<>();
        for (int i = 0; i < pieces.size(); i++) {
            for (long indicator : pieces.get(i).claimed()) {
                pairs.add(JudgementRepository.pair(ids.get(i), indicator));
                indicators.add(indicator);
            }
        }
        if (!pairs.isEmpty()) {
            rows.addAllClaims(ids, indicators, pairs);
        }
        // before the judgements', so that the evidence's leaves precede theirs in the log
        scored.publishEvent(new EvidenceScored(ids));
        List<JudgementRow> verdicts = new ArrayList<>();
        List<Long> enrollments = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            for (Verdict v : pieces.get(i).verdicts()) {
                verdicts.add(new JudgementRow(null, ids.get(i), v.indicatorId(), v.outcome(), v.comment(), systemAccount(), now));
                enrollments.add(pieces.get(i).enrollmentId());
            }
        }
        if (!verdicts.isEmpty()) {
            List<JudgementRow> saved = judgements.appendAll(verdicts);
            List<JudgementsRecorded.Recorded> recorded = new ArrayList<>(saved.size());
            for (int i = 0; i < saved.size(); i++) {
                recorded.add(JudgementsRecorded.Recorded.of(saved.get(i), enrollments.get(i)));
            }
            events.publishEvent(new JudgementsRecorded(recorded));
        }
        for (int i = 0; i < pieces.size(); i++) {
            Scored piece = pieces.get(i);
            long unjudged = piece.claimed().stream().filter(indicator -> piece.verdicts().stream().noneMatch(v -> v.indicatorId() == indicator)).count();
            if (unjudged > 0) {
                marking.publishEvent(new AwaitingMarking(ids.get(i), piece.enrollmentId(), piece.title(), (int) unjudged));
            }
        }
        return ids;
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
