package tw.training.writtentest;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import tw.training.course.AssessmentMethod;
import tw.training.evidence.ScoredEvidence;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Closes an attempt, once: scores it and, in the same transaction, records the evidence (method WRITTEN_TEST, claiming
 * every tested indicator, titled by the test and the attempt's number) and the system's judgement of each indicator whose
 * items a machine scores. An indicator a short answer tests gets no judgement: it waits in the assessors' queue.
 * The enrollment's row is locked first, then the attempt's; a second close finds it closed and records nothing.
 */
@Singleton
class AttemptCloser {

    private final AttemptRepository attempts;
    private final AttemptItemRepository attemptItems;
    private final AttemptReader reader;
    private final ScoredEvidence evidence;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    AttemptCloser(AttemptRepository attempts, AttemptItemRepository attemptItems, AttemptReader reader, ScoredEvidence evidence,
                  TransactionOperations<Connection> transactions, Clock clock) {
        this.attempts = attempts;
        this.attemptItems = attemptItems;
        this.reader = reader;
        this.evidence = evidence;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What closing found: the attempt as it stands after, and whether this call closed it. */
    record Closed(AttemptContent content, boolean now) {
    }

    /**
     * Closes the attempt if it is open: as {@code SUBMITTED} when the learner submits in time, as {@code TIMED_OUT} when its
     * deadline has passed. Answers the attempt's content as it stands afterwards (read under the lock: no second read).
     *
     * @param enrollmentId the attempt's enrollment, whose row is locked first
     */
    Closed close(long attemptId, long enrollmentId, boolean submitted) {
        return transactions.executeWrite(status -> {
            attempts.lockEnrollment(enrollmentId);
            Attempt attempt = attempts.lock(attemptId).orElseThrow();
            Instant now = clock.instant();
            AttemptContent content = reader.read(attempt);
            if (attempt.status() != AttemptStatus.OPEN || !submitted && now.isBefore(attempt.deadline())) {
                return new Closed(content, false);
            }
            AttemptStatus closing = submitted && now.isBefore(attempt.deadline()) ? AttemptStatus.SUBMITTED : AttemptStatus.TIMED_OUT;
            Scored scored = score(content);
            // nothing here is in a language: the title is the trainer's and a number, the record is the attempt itself
            // (the evidence's page links to it), so every reader sees it in their own language when it is shown
            long evidenceId = evidence.record(attempt.enrollmentId(), AssessmentMethod.WRITTEN_TEST,
                    content.test().title() + " #" + attempt.attemptNumber(), null, scored.claimed(), scored.verdicts());
            attempts.update(attemptId, closing, now, evidenceId);
            List<Long> all = new ArrayList<>(scored.right());
            all.addAll(scored.wrong());
            if (!all.isEmpty()) {
                // an IN list is never empty: no item id is 0
                attemptItems.score(attemptId, all, scored.right().isEmpty() ? List.of(0L) : scored.right());
            }
            Attempt after = new Attempt(attempt.id(), attempt.testId(), attempt.enrollmentId(), attempt.attemptNumber(), closing,
                    attempt.startedAt(), attempt.deadline(), now, evidenceId);
            return new Closed(content.with(after), true);
        });
    }

    /** An attempt scored: which items were right and wrong, per indicator its tally, and the machine's verdicts. */
    private record Scored(List<Long> right, List<Long> wrong, List<AttemptContent.Tally> tallies, Set<Long> claimed,
                          List<ScoredEvidence.Verdict> verdicts) {
    }

    private static Scored score(AttemptContent content) {
        List<Long> right = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        for (AttemptItem drawn : content.drawn()) {
            Boolean correct = content.correct(drawn);
            if (correct != null) {
                (correct ? right : wrong).add(drawn.itemId());
            }
        }
        List<AttemptContent.Tally> tallies = content.tallies();
        List<ScoredEvidence.Verdict> verdicts = new ArrayList<>();
        for (AttemptContent.Tally tally : tallies) {
            if (tally.outcome() != null) {
                verdicts.add(new ScoredEvidence.Verdict(tally.tested().indicatorId(), tally.outcome(), score(tally)));
            }
        }
        Set<Long> claimed = new LinkedHashSet<>();
        tallies.forEach(t -> claimed.add(t.tested().indicatorId()));
        return new Scored(right, wrong, tallies, claimed, verdicts);
    }

    /** The machine's comment, in no language: "4/5 ≥ 80%" met the pass mark, "2/5 < 80%" did not. */
    static String score(AttemptContent.Tally tally) {
        return tally.correct() + "/" + tally.items() + (tally.outcome() == tw.training.evidence.Outcome.MET ? " ≥ " : " < ")
                + tally.tested().passMark() + "%";
    }
}
