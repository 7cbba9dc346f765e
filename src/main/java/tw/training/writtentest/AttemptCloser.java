package tw.training.writtentest;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import tw.training.course.AssessmentMethod;
import tw.training.evidence.ScoredEvidence;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Closes an attempt, once: scores it and, in the same transaction, records the evidence (method WRITTEN_TEST, claiming
 * every tested indicator, titled by the test and the attempt's number) and the system's judgement of each indicator whose
 * items a machine scores. An indicator a short answer tests gets no judgement: it waits in the assessors' queue.
 * The enrollments' rows are locked first, then the attempts'; a second close finds it closed and records nothing.
 * <p>
 * Closings asked for at the same moment are made together (group commit, issue 36): a caller queues its attempt, and
 * while fewer than {@link #GROUPS} callers are closing, it closes what is queued, up to {@link #TOGETHER} attempts in one
 * transaction of a few statements whatever their number (the attempts read, scored, recorded and their progress changed
 * as sets), then what was queued meanwhile; the others wait for their answer. Alone, a closing is made at once. If a transaction of
 * several fails, each is closed again on its own, so one attempt's failure is only its own.
 */
@Singleton
class AttemptCloser {

    /** Attempts closed in one transaction at most. */
    static final int TOGETHER = 50;

    /**
     * Groups closed at the same time at most: a group's scoring and hashing are one thread's work, and a few groups at
     * once keep the cores and the connections busy while each group stays large under a burst.
     */
    static final int GROUPS = 4;

    private final AttemptRepository attempts;
    private final AttemptItemRepository attemptItems;
    private final AttemptReader reader;
    private final ScoredEvidence evidence;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final Queue<Request> queued = new ConcurrentLinkedQueue<>();
    private final Semaphore closing = new Semaphore(GROUPS);

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

    /** A caller's closing, waiting for whoever closes it. */
    private record Request(long attemptId, long enrollmentId, boolean submitted, CompletableFuture<Closed> answer) {
    }

    /**
     * Closes the attempt if it is open: as {@code SUBMITTED} when the learner submits in time, as {@code TIMED_OUT} when its
     * deadline has passed. Answers the attempt's content as it stands afterwards (read under the lock: no second read).
     *
     * @param enrollmentId the attempt's enrollment, whose row is locked first
     */
    Closed close(long attemptId, long enrollmentId, boolean submitted) {
        Request request = new Request(attemptId, enrollmentId, submitted, new CompletableFuture<>());
        if (transactions.findTransactionStatus().isPresent()) {
            // inside a caller's transaction: closed in it, alone (a queue's work belongs in transactions of its own)
            return closeTogether(List.of(request)).get(0);
        }
        queued.add(request);
        while (!queued.isEmpty() && closing.tryAcquire()) {
            try {
                List<Request> together = new ArrayList<>();
                for (Request next = queued.poll(); next != null; next = together.size() < TOGETHER ? queued.poll() : null) {
                    together.add(next);
                }
                closeNow(together);
            } finally {
                closing.release();
            }
        }
        try {
            return request.answer().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Attempts whose deadline passed (the sweep's), closed {@link #TOGETHER} in a transaction; answers how many this closed. */
    int closeAll(List<Attempt> due) {
        int closed = 0;
        for (int from = 0; from < due.size(); from += TOGETHER) {
            List<Request> together = due.subList(from, Math.min(due.size(), from + TOGETHER)).stream()
                    .map(attempt -> new Request(attempt.id(), attempt.enrollmentId(), false, new CompletableFuture<>())).toList();
            closeNow(together);
            for (Request request : together) {
                closed += request.answer().join().now() ? 1 : 0;
            }
        }
        return closed;
    }

    /** These closings in one transaction, or, when that fails and they are several, each in its own. */
    private void closeNow(List<Request> together) {
        try {
            List<Closed> closed = transactions.executeWrite(status -> closeTogether(together));
            for (int i = 0; i < together.size(); i++) {
                together.get(i).answer().complete(closed.get(i));
            }
        } catch (RuntimeException e) {
            if (together.size() == 1) {
                together.get(0).answer().completeExceptionally(e);
                return;
            }
            for (Request alone : together) {
                try {
                    alone.answer().complete(transactions.executeWrite(status -> closeTogether(List.of(alone))).get(0));
                } catch (RuntimeException failure) {
                    alone.answer().completeExceptionally(failure);
                }
            }
        }
    }

    /** Closes the open ones among these attempts in the caller's transaction; answers each request's result, in order. */
    private List<Closed> closeTogether(List<Request> requests) {
        attempts.lockEnrollments(requests.stream().map(Request::enrollmentId).collect(Collectors.toCollection(TreeSet::new)));
        Map<Long, Attempt> locked = attempts.lockAll(requests.stream().map(Request::attemptId).collect(Collectors.toCollection(TreeSet::new)))
                .stream().collect(Collectors.toMap(Attempt::id, Function.identity()));
        Instant now = clock.instant();
        Map<Long, AttemptContent> contents = reader.readAll(locked.values());
        // the first request for an attempt closes it (if it is due); another for the same attempt finds it closed
        Map<Long, Request> closes = new LinkedHashMap<>();
        for (Request request : requests) {
            Attempt attempt = locked.get(request.attemptId());
            if (attempt.status() == AttemptStatus.OPEN && (request.submitted() || !now.isBefore(attempt.deadline()))) {
                closes.putIfAbsent(request.attemptId(), request);
            }
        }
        List<Long> closing = List.copyOf(closes.keySet());
        List<Scored> scored = closing.stream().map(id -> score(contents.get(id))).toList();
        // nothing here is in a language: the title is the trainer's and a number, the record is the attempt itself
        // (the evidence's page links to it), so every reader sees it in their own language when it is shown
        List<ScoredEvidence.Scored> pieces = new ArrayList<>(closing.size());
        for (int i = 0; i < closing.size(); i++) {
            Attempt attempt = contents.get(closing.get(i)).attempt();
            pieces.add(new ScoredEvidence.Scored(attempt.enrollmentId(), AssessmentMethod.WRITTEN_TEST,
                    contents.get(closing.get(i)).test().title() + " #" + attempt.attemptNumber(), null, scored.get(i).claimed(), scored.get(i).verdicts()));
        }
        List<Long> evidenceIds = pieces.isEmpty() ? List.of() : evidence.recordAll(pieces);
        List<Attempt> after = new ArrayList<>();
        List<Long> right = new ArrayList<>();
        List<Long> marked = new ArrayList<>();
        for (int i = 0; i < closing.size(); i++) {
            Attempt attempt = contents.get(closing.get(i)).attempt();
            boolean submitted = closes.get(attempt.id()).submitted() && now.isBefore(attempt.deadline());
            after.add(new Attempt(attempt.id(), attempt.testId(), attempt.enrollmentId(), attempt.attemptNumber(),
                    submitted ? AttemptStatus.SUBMITTED : AttemptStatus.TIMED_OUT, attempt.startedAt(), attempt.deadline(), now, evidenceIds.get(i)));
            scored.get(i).right().forEach(item -> right.add(AttemptItemRepository.pair(attempt.id(), item)));
            scored.get(i).wrong().forEach(item -> marked.add(AttemptItemRepository.pair(attempt.id(), item)));
        }
        if (!after.isEmpty()) {
            attempts.updateAll(after);
        }
        marked.addAll(right);
        if (!marked.isEmpty()) {
            // an IN list is never empty: no pair is 0
            attemptItems.scoreAll(closing, marked, right.isEmpty() ? List.of(0L) : right);
        }
        Map<Long, Attempt> closedRows = after.stream().collect(Collectors.toMap(Attempt::id, Function.identity()));
        return requests.stream().map(request -> {
            AttemptContent content = contents.get(request.attemptId());
            boolean closedNow = closes.get(request.attemptId()) == request;
            Attempt row = closedRows.get(request.attemptId());
            return new Closed(row == null ? content : content.with(row), closedNow);
        }).toList();
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
