package tw.training.revision;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.account.Actor;
import tw.training.course.CourseRef;
import tw.training.course.CourseService;
import tw.training.course.PlanEntry;
import tw.training.evidence.Outcome;
import tw.training.phrase.Phrase;
import tw.training.problem.ConflictException;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;
import tw.training.progress.EnrollmentsCompleted;
import tw.training.progress.ProgressService;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Issue 35, build 4: learners moved from the revision of a course they joined to its newest published one, through the
 * confirmed crosswalks between the versions of its documents ({@link Bridges}, {@link MovePlanner}). A dry run says per
 * learner what carries, what reopens, what is lost and what is new; a run does it for every learner at once, in one
 * transaction holding their enrollments' locks, and is idempotent (a learner already there is left alone). A move can be
 * reverted until anything is recorded for the learner after it.
 */
@Singleton
public class LearnerMoves {

    private final CourseService courses;
    private final Bridges bridges;
    private final MoveQueries queries;
    private final MoveRepository moves;
    private final CarriedJudgementRepository carried;
    private final ProgressService progress;
    private final ApplicationEventPublisher<LearnersMoved> moved;
    private final ApplicationEventPublisher<MoveReverted> reverted;
    private final Clock clock;

    LearnerMoves(CourseService courses, Bridges bridges, MoveQueries queries, MoveRepository moves, CarriedJudgementRepository carried,
                 ProgressService progress, ApplicationEventPublisher<LearnersMoved> moved, ApplicationEventPublisher<MoveReverted> reverted,
                 Clock clock) {
        this.courses = courses;
        this.bridges = bridges;
        this.queries = queries;
        this.moves = moves;
        this.carried = carried;
        this.progress = progress;
        this.moved = moved;
        this.reverted = reverted;
        this.clock = clock;
    }

    /** A run's answer: the revision learners move to, and each learner asked about. */
    @Serdeable
    public record Run(long course, int toRevision, boolean dryRun, int moved, List<LearnerMove> learners) {
    }

    /**
     * Moves the learners (all of the course's when {@code enrollments} is null) onto the course's published revision,
     * or only says what would happen ({@code dryRun}).
     */
    @Transactional
    public Run move(long courseId, @Nullable List<Long> enrollments, boolean dryRun, Actor actor) {
        CourseRef course = courses.requireTrainer(courseId, actor);
        if (course.publishedRevisionId() == null) {
            throw new ConflictException("revision.move-nothing-published", course.code());
        }
        long target = course.publishedRevisionId();
        List<MoveRepository.Enrolled> chosen = chosen(moves.enrollments(courseId), enrollments);
        if (!dryRun) {
            queries.lock(chosen.stream().map(MoveRepository.Enrolled::enrollmentId).toList());
            // read again under the locks: a run that moved them meanwhile leaves them ALREADY_THERE here
            Set<Long> ids = chosen.stream().map(MoveRepository.Enrolled::enrollmentId).collect(Collectors.toSet());
            chosen = moves.enrollments(courseId).stream().filter(e -> ids.contains(e.enrollmentId())).toList();
        }
        List<PlanEntry> newer = courses.planOf(target);
        Map<Long, List<MoveRepository.Enrolled>> byRevision = new TreeMap<>();
        chosen.stream().filter(e -> state(e, target) == null).forEach(e -> byRevision.computeIfAbsent(e.revisionId(), r -> new ArrayList<>()).add(e));
        Map<Long, Planned> planned = new HashMap<>();
        byRevision.forEach((revision, learners) -> {
            List<PlanEntry> older = courses.planOf(revision);
            Bridge bridge = bridges.between(older, newer);
            MovePlanner planner = new MovePlanner(bridge, older, newer);
            List<Long> ids = learners.stream().map(MoveRepository.Enrolled::enrollmentId).toList();
            Map<Long, List<MovePlanner.Satisfied>> satisfied = queries.satisfied(ids);
            Map<Long, List<MovePlanner.Claimed>> claims = queries.claims(ids);
            learners.forEach(e -> planned.put(e.enrollmentId(), new Planned(e, bridge.via(),
                    planner.plan(satisfied.getOrDefault(e.enrollmentId(), List.of()), claims.getOrDefault(e.enrollmentId(), List.of())))));
        });
        Map<Long, Long> moveIds = dryRun || planned.isEmpty() ? Map.of() : record(planned, target, actor);
        int number = course.publishedRevisionNumber();
        List<LearnerMove> answer = chosen.stream().map(e -> {
            LearnerMove.State state = state(e, target);
            Planned plan = planned.get(e.enrollmentId());
            if (plan == null) {
                return new LearnerMove(e.enrollmentId(), e.username(), e.displayName(), e.revisionNumber(), number, state, null, List.of(),
                        LearnerMove.Items.NONE);
            }
            return new LearnerMove(e.enrollmentId(), e.username(), e.displayName(), e.revisionNumber(), number,
                    dryRun ? LearnerMove.State.MOVABLE : LearnerMove.State.MOVED, moveIds.get(e.enrollmentId()), plan.via(), plan.moving().items());
        }).toList();
        return new Run(courseId, number, dryRun, moveIds.size(), answer);
    }

    /** A learner's move as worked out. */
    private record Planned(MoveRepository.Enrolled enrolled, List<String> via, MovePlanner.Moving moving) {
    }

    /** Writes the moves: their rows, the claims added, the carried judgements, the enrollments' revision, their progress. */
    private Map<Long, Long> record(Map<Long, Planned> planned, long target, Actor actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Planned> all = planned.values().stream().sorted(Comparator.comparing(p -> p.enrolled().enrollmentId())).toList();
        List<MoveRow> rows = moves.saveAll(all.stream().map(p -> new MoveRow(null, p.enrolled().enrollmentId(), p.enrolled().revisionId(), target,
                via(p.via()), actor.userId(), now, null, null)).toList());
        Map<Long, Long> moveIds = rows.stream().collect(Collectors.toMap(MoveRow::enrollmentId, MoveRow::id));
        List<MoveQueries.Attachment> attachments = new ArrayList<>();
        List<MoveQueries.Attachment> reattachments = new ArrayList<>();
        List<CarriedJudgementRow> judgements = new ArrayList<>();
        long system = moves.systemAccount();
        for (Planned p : all) {
            long move = moveIds.get(p.enrolled().enrollmentId());
            p.moving().attachments().forEach(a -> attachments.add(new MoveQueries.Attachment(a.evidenceId(), a.indicatorId(), a.fromIndicatorId(), move)));
            p.moving().reattachments().forEach(a -> reattachments.add(new MoveQueries.Attachment(a.evidenceId(), a.indicatorId(), a.fromIndicatorId(), move)));
            p.moving().carries().forEach(c -> judgements.add(new CarriedJudgementRow(null, c.evidenceId(), c.indicatorId(), Outcome.MET, system, now,
                    c.carriedFrom(), move)));
        }
        queries.attach(attachments);
        queries.reattach(reattachments);
        List<Long> carriedIds = judgements.isEmpty() ? List.of() : carried.saveAll(judgements).stream().map(CarriedJudgementRow::id).toList();
        List<Long> enrollments = all.stream().map(p -> p.enrolled().enrollmentId()).toList();
        queries.setRevision(enrollments, target);
        progress.rederive(enrollments, EnrollmentsCompleted.Cause.move(rows.stream().mapToLong(MoveRow::id).max().orElse(0)));
        moved.publishEvent(new LearnersMoved(rows.stream().map(MoveRow::id).toList(), carriedIds));
        return moveIds;
    }

    /** Why a learner is left where they are, or null when they move. */
    private static LearnerMove.State state(MoveRepository.Enrolled e, long target) {
        if (e.revisionId() == target) {
            return LearnerMove.State.ALREADY_THERE;
        }
        if ("WITHDRAWN".equals(e.status())) {
            return LearnerMove.State.WITHDRAWN;
        }
        return e.certified() ? LearnerMove.State.CERTIFIED : null;
    }

    /** The enrollments asked for, each of this course, or all of them. */
    private static List<MoveRepository.Enrolled> chosen(List<MoveRepository.Enrolled> all, @Nullable List<Long> asked) {
        if (asked == null) {
            return all;
        }
        Map<Long, MoveRepository.Enrolled> byId = all.stream().collect(Collectors.toMap(MoveRepository.Enrolled::enrollmentId, Function.identity()));
        List<InputError> errors = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            if (!byId.containsKey(asked.get(i))) {
                errors.add(InputError.field("enrollments[" + i + "]", "revision.move-not-enrolled", asked.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("revision.move-refused"), errors);
        }
        Set<Long> wanted = Set.copyOf(asked);
        return all.stream().filter(e -> wanted.contains(e.enrollmentId())).toList();
    }

    private static String via(List<String> chains) {
        return chains.isEmpty() ? "—" : String.join("; ", chains);
    }

    /** A course's moves, newest first. */
    @Transactional
    public List<LearnerMove.Record> history(long courseId, Actor actor) {
        courses.requireTrainer(courseId, actor);
        return moves.ofCourse(courseId);
    }

    /**
     * Reverts the learner's latest move: the claims it added go (those no judgement rests on), its judgements stop
     * counting (they stay: judgements are never deleted), the learner is back on the revision they came from, their
     * progress derived again. Refused once anything was recorded for the learner after the move; reverting a reverted
     * move changes nothing.
     */
    @Transactional
    public LearnerMove.Record revert(long moveId, Actor actor) {
        MoveRow row = moves.lock(moveId).orElseThrow(() -> new NotFoundException("revision.no-move", moveId));
        long courseId = moves.courseOf(row.enrollmentId()).orElseThrow();
        actor.requireOwnership(courses.trains(courseId, actor), () -> Phrase.of("revision.no-move", moveId));
        if (row.standing()) {
            queries.lock(List.of(row.enrollmentId()));
            if (moves.standing(row.enrollmentId()).map(MoveRow::id).orElse(-1L) != moveId) {
                throw new ConflictException("revision.move-not-latest", moveId);
            }
            if (moves.recordedSince(row.enrollmentId(), moveId, row.movedAt()) > 0) {
                throw new ConflictException("revision.move-recorded-since", moveId);
            }
            queries.detach(moveId);
            queries.setRevision(List.of(row.enrollmentId()), row.fromRevisionId());
            moves.update(new MoveRow(row.id(), row.enrollmentId(), row.fromRevisionId(), row.toRevisionId(), row.via(), row.movedBy(), row.movedAt(),
                    actor.userId(), clock.instant().truncatedTo(ChronoUnit.MICROS)));
            progress.rederive(List.of(row.enrollmentId()), EnrollmentsCompleted.Cause.reversal(moveId));
            reverted.publishEvent(new MoveReverted(moveId));
        }
        return moves.record(moveId).orElseThrow();
    }
}
