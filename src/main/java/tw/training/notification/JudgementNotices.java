package tw.training.notification;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import tw.training.evidence.Outcome;
import tw.training.phrase.Phrase;
import tw.training.transparency.TransparencyLog;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells learners of judgements after the judging transaction rather than in it (issue 36: judging writes the judgement
 * and its ledger change, and no notification or mail). The judgements are taken in the transparency log's order from a
 * cursor: a learner is told their evidence was judged (one notification per piece, a line per indicator with its outcome
 * and comment; the scoring machine's judgements are not told, the learner saw the result), then the plans they completed
 * (the learner and the course's trainers told, as for any completion) if still completed as of them, then the
 * indicators they met and still meet (one notification per learner, a line per indicator). The notifications are written and
 * the cursor moved in one transaction holding the cursor's row, so each judgement is told once whichever instance tells
 * it, and none is lost to a crash: what was not committed is told again. Runs every second on the server
 * ({@link JudgementNoticeSchedule}), and before a user's notifications are listed, so a list shows what was just judged.
 */
@Singleton
public class JudgementNotices {

    /** Judgements told per transaction. */
    static final int BATCH = 1_000;

    private final TransparencyLog log;
    private final NoticeCursorRepository cursor;
    private final NotificationRepository rows;
    private final Notifier notifier;
    private final TransactionOperations<Connection> transactions;

    JudgementNotices(TransparencyLog log, NoticeCursorRepository cursor, NotificationRepository rows, Notifier notifier,
                     TransactionOperations<Connection> transactions) {
        this.log = log;
        this.cursor = cursor;
        this.rows = rows;
        this.notifier = notifier;
        this.transactions = transactions;
    }

    /**
     * Every judgement recorded until now told (those whose leaves are still queued are sequenced first), unless another
     * instance or thread is telling them at this moment; answers how many judgements this call told.
     */
    public int catchUp() {
        log.integrateAll();
        int told = 0;
        int turn;
        do {
            turn = transactions.executeWrite(status -> tellNext());
            told += turn;
        } while (turn == BATCH);
        return told;
    }

    private int tellNext() {
        Optional<NoticeCursor> at = cursor.lockUnlessTelling();
        if (at.isEmpty()) {
            return 0;
        }
        long leaves = cursor.leaves();
        List<NoticeCursorRepository.Leaf> judgements = cursor.judgements(at.get().position(), leaves, BATCH);
        long next = judgements.size() == BATCH ? judgements.get(BATCH - 1).leafIndex() + 1 : leaves;
        if (next != at.get().position()) {
            cursor.advance(next);
        }
        if (!judgements.isEmpty()) {
            List<Long> ids = judgements.stream().map(NoticeCursorRepository.Leaf::judgementId).toList();
            notifier.send(judged(ids));
            List<Long> completed = rows.completedBy(ids);
            if (!completed.isEmpty()) {
                notifier.send(NotificationEvents.completed(rows.enrolled(completed)));
            }
            notifier.send(met(ids));
        }
        return judgements.size();
    }

    /** One notification per piece of evidence judged by a person, a line per indicator. */
    private List<Notifier.Note> judged(List<Long> judgements) {
        Map<Long, List<NotificationRepository.Judged>> byEvidence = new LinkedHashMap<>();
        rows.judged(judgements).forEach(judged -> byEvidence.computeIfAbsent(judged.evidenceId(), id -> new ArrayList<>()).add(judged));
        List<Notifier.Note> notes = new ArrayList<>();
        for (List<NotificationRepository.Judged> piece : byEvidence.values()) {
            NotificationRepository.Judged first = piece.get(0);
            List<Phrase> lines = piece.stream().map(judged -> {
                Phrase outcome = Phrase.of("notify.outcome." + Outcome.valueOf(judged.outcome()).name());
                return judged.comment() == null || judged.comment().isBlank() ? Phrase.of("notify.judged.line", judged.code(), outcome)
                        : Phrase.of("notify.judged.line-comment", judged.code(), outcome, judged.comment().strip());
            }).toList();
            notes.add(new Notifier.Note(first.learnerId(), NotificationKind.EVIDENCE_JUDGED, Phrase.of("notify.judged.title", first.title(),
                    first.assessor()), lines, "/evidence/" + first.evidenceId()));
        }
        return notes;
    }

    /** The indicators the judgements met and still meet: one notification per learner whatever their number. */
    private List<Notifier.Note> met(List<Long> judgements) {
        Map<Long, List<NotificationRepository.NewlyMet>> byEnrollment = new LinkedHashMap<>();
        rows.newlyMet(judgements).forEach(met -> byEnrollment.computeIfAbsent(met.enrollmentId(), id -> new ArrayList<>()).add(met));
        return byEnrollment.values().stream().map(met -> new Notifier.Note(met.get(0).learnerId(), NotificationKind.INDICATOR_MET,
                Phrase.of("notify.indicators-met.title", met.size(), met.get(0).courseTitle()),
                met.stream().map(m -> Phrase.of("notify.indicators-met.line", m.code(), m.content())).toList(),
                "/enrollments/" + met.get(0).enrollmentId())).toList();
    }
}
