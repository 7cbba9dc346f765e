package tw.training.writtentest;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import tw.training.course.AssessmentMethod;
import tw.training.evidence.ScoredEvidence;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Closes an attempt, once: scores it and, in the same transaction, records the evidence (method WRITTEN_TEST, claiming
 * every tested indicator, the scored attempt as its description) and the system's judgement of each indicator whose
 * items a machine scores. An indicator a short answer tests gets no judgement: it waits in the assessors' queue.
 * The enrollment's row is locked first, then the attempt's; a second close finds it closed and records nothing.
 */
@Singleton
class AttemptCloser {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Taipei"));

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
            long evidenceId = evidence.record(attempt.enrollmentId(), AssessmentMethod.WRITTEN_TEST,
                    "筆試：" + content.test().title() + "（第 " + attempt.attemptNumber() + " 次）",
                    description(content, scored, closing, now), scored.claimed(), scored.verdicts());
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
                verdicts.add(new ScoredEvidence.Verdict(tally.tested().indicatorId(), tally.outcome(), "筆試自動評分：答對 " + tally.correct() + "/"
                        + tally.items() + " 題，通過標準 " + tally.tested().passMark() + "%"));
            }
        }
        Set<Long> claimed = new LinkedHashSet<>();
        tallies.forEach(t -> claimed.add(t.tested().indicatorId()));
        return new Scored(right, wrong, tallies, claimed, verdicts);
    }

    /**
     * The scored attempt, as the evidence's description an assessor and the learner read: the scores and the learner's
     * own answers, never the key or which answer was right (the learner reads this, and the test's review settings
     * decide when they may see those; assessors see them on the attempt).
     */
    private static String description(AttemptContent content, Scored scored, AttemptStatus closing, Instant now) {
        StringBuilder text = new StringBuilder();
        text.append("筆試「").append(content.test().title()).append("」第 ").append(content.attempt().attemptNumber()).append(" 次作答，")
                .append(TIME.format(content.attempt().startedAt())).append(" 開始，").append(TIME.format(now))
                .append(closing == AttemptStatus.SUBMITTED ? " 交卷" : " 時間到結束").append("。\n");
        for (AttemptContent.Tally tally : scored.tallies()) {
            text.append(tally.tested().indicator()).append("：答對 ").append(tally.correct()).append("/").append(tally.items()).append("，通過標準 ")
                    .append(tally.tested().passMark()).append("%").append(tally.shortAnswer() ? "，含簡答題，待評量人員評定" : "").append("\n");
        }
        for (AttemptItem drawn : content.drawn()) {
            Item item = content.items().get(drawn.itemId());
            text.append("\n").append(drawn.position()).append(". ").append(item.stem()).append("\n");
            if (item.kind().scoredByMachine()) {
                text.append("   作答：").append(drawn.answer() == null || drawn.answer().isEmpty() ? "（未作答）" : optionTexts(content, item, Scoring.choices(drawn.answer())))
                        .append("\n");
            } else {
                text.append("   作答：").append(drawn.answer() == null || drawn.answer().isBlank() ? "（未作答）" : drawn.answer()).append("\n");
            }
        }
        return text.toString();
    }

    private static String optionTexts(AttemptContent content, Item item, Set<Integer> positions) {
        List<String> texts = new ArrayList<>();
        for (ItemOption option : content.options().getOrDefault(item.id(), List.of())) {
            if (positions.contains(option.position())) {
                texts.add(option.text().equals("true") && item.kind() == ItemKind.TRUE_FALSE ? "是" : option.text().equals("false")
                        && item.kind() == ItemKind.TRUE_FALSE ? "否" : option.text());
            }
        }
        return String.join("、", texts);
    }
}
