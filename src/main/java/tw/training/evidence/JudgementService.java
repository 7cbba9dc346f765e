package tw.training.evidence;

import tw.training.phrase.Phrase;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.account.Actor;
import tw.training.course.AssessmentMethod;
import tw.training.course.CourseService;
import tw.training.problem.ConflictException;
import tw.training.problem.ForbiddenException;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assessors judge each indicator a piece of evidence claims: MET or NOT_YET with a comment. Judgements are
 * appended, never updated or deleted; the latest per evidence and indicator is the one that counts.
 */
@Singleton
public class JudgementService {

    /** Whatever their roles (a trainer may also be enrolled as a learner), an assessor is never their own. */
    private static final String OWN_EVIDENCE = "evidence.own-evidence";

    static final int MAX_BATCH = 5000;
    private static final int MAX_COMMENT = 4000;

    private final EvidenceRepository rows;
    private final JudgementRepository judgements;
    private final CourseService courses;
    private final Clock clock;
    private final ApplicationEventPublisher<JudgementsRecorded> events;

    JudgementService(EvidenceRepository rows, JudgementRepository judgements, CourseService courses, Clock clock,
                     ApplicationEventPublisher<JudgementsRecorded> events) {
        this.rows = rows;
        this.judgements = judgements;
        this.courses = courses;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Views.Judgement judge(long evidenceId, Views.JudgeRequest request, Actor actor) {
        EvidenceRepository.Header header = rows.header(evidenceId).orElseThrow(() -> new NotFoundException("evidence.evidence-not-found", evidenceId));
        boolean trains = courses.trains(header.courseId(), actor);
        // as EvidenceService.visible, with the one trainer check both rules need
        actor.requireOwnership(header.learnerId() == actor.userId() || trains, () -> Phrase.of("evidence.evidence-not-found", evidenceId));
        if (!actor.isAdmin() && !trains) {
            throw new ForbiddenException("evidence.only-course-s-trainers-judge");
        }
        if (header.learnerId() == actor.userId()) {
            throw new ForbiddenException(OWN_EVIDENCE);
        }
        List<InputError> errors = new ArrayList<>();
        String indicator = request.indicator() == null ? "" : request.indicator().strip();
        Map<String, Long> claimed = claim(evidenceId, indicator).map(id -> Map.of(indicator, id)).orElse(Map.of());
        NewJudgement judgement = judgement(header, claimed, indicator, request.outcome(), request.comment(), "", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("evidence.judgement-not-valid"), errors);
        }
        // stored with microseconds, as both databases keep them: the answer says what a later read will say
        Instant judgedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long id = judgements.save(judgement.row(actor.userId(), judgedAt)).id();
        events.publishEvent(new JudgementsRecorded(Map.of(header.enrollmentId(), Set.of(judgement.indicatorId())),
                List.of(new JudgementsRecorded.Recorded(id, header.enrollmentId(), evidenceId, judgement.indicatorId(), judgement.outcome(),
                        actor.userId(), judgedAt))));
        return new Views.Judgement(id, evidenceId, indicator, judgement.outcome(), judgement.comment(), actor.username(), judgedAt);
    }

    /** Many judgements of one course at once, for the assessors' grid: all are recorded or none; answers how many. */
    @Transactional
    public int judgeAll(long courseId, @Nullable List<Views.BatchJudgement> batch, Actor actor) {
        courses.requireTrainer(courseId, actor);
        if (batch == null || batch.isEmpty()) {
            throw InvalidInputException.of("body", "evidence.send-least-one-judgement");
        }
        if (batch.size() > MAX_BATCH) {
            throw InvalidInputException.of("body", "evidence.most-judgements-once", MAX_BATCH);
        }
        Set<Long> ids = new LinkedHashSet<>();
        batch.stream().map(Views.BatchJudgement::evidenceId).filter(id -> id != null).forEach(ids::add);
        Map<Long, EvidenceRepository.Header> headers = rows.headers(ids);
        Map<Long, Map<String, Long>> claims = rows.claims(ids);
        List<InputError> errors = new ArrayList<>();
        List<NewJudgement> judgements = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Views.BatchJudgement item = batch.get(i);
            String at = "[" + i + "].";
            EvidenceRepository.Header header = item.evidenceId() == null ? null : headers.get(item.evidenceId());
            if (header == null || header.courseId() != courseId) {
                errors.add(InputError.field(at + "evidenceId", "evidence.no-evidence-course", item.evidenceId(), courseId));
                continue;
            }
            if (header.learnerId() == actor.userId()) {
                errors.add(InputError.field(at + "evidenceId", OWN_EVIDENCE));
                continue;
            }
            NewJudgement judgement = judgement(header, claims.getOrDefault(header.id(), Map.of()), item.indicator(),
                    item.outcome(), item.comment(), at, errors);
            if (judgement != null) {
                judgements.add(judgement);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("evidence.no-judgement-was-recorded-are", errors.size(), batch.size()), errors);
        }
        Instant now = clock.instant();
        List<JudgementRow> saved = this.judgements.saveAll(judgements.stream().map(judgement -> judgement.row(actor.userId(), now)).toList());
        Map<Long, Set<Long>> touched = new HashMap<>();
        judgements.forEach(j -> touched.computeIfAbsent(headers.get(j.evidenceId()).enrollmentId(), e -> new HashSet<>()).add(j.indicatorId()));
        events.publishEvent(new JudgementsRecorded(touched, saved.stream().map(row -> new JudgementsRecorded.Recorded(row.id(),
                headers.get(row.evidenceId()).enrollmentId(), row.evidenceId(), row.indicatorId(), row.outcome(), row.assessorId(), row.judgedAt()))
                .toList()));
        return judgements.size();
    }

    @ReadOnly
    public List<Views.Awaiting> awaiting(long courseId, @Nullable String method, @Nullable String learner,
                                         @Nullable String indicator, int limit, Actor actor) {
        courses.requireTrainer(courseId, actor);
        AssessmentMethod assessment = null;
        if (method != null && !method.isBlank()) {
            assessment = AssessmentMethod.of(method.strip().toUpperCase())
                    .orElseThrow(() -> InvalidInputException.of("method", "evidence.method-must-one", List.of(AssessmentMethod.values())));
        }
        return rows.awaiting(courseId, assessment, learner == null || learner.isBlank() ? null : learner.strip().toLowerCase(),
                indicator == null || indicator.isBlank() ? null : indicator.strip(), limit);
    }

    /** A judgement checked and ready to append. */
    private record NewJudgement(long evidenceId, long indicatorId, Outcome outcome, @Nullable String comment) {

        JudgementRow row(long assessorId, Instant judgedAt) {
            return new JudgementRow(null, evidenceId, indicatorId, outcome, comment, assessorId, judgedAt);
        }
    }

    /** The row id of one indicator the evidence claims, by its id ("KPS5294-001v4:P2.3.1"), if it claims it. */
    private java.util.Optional<Long> claim(long evidenceId, String indicator) {
        int colon = indicator.indexOf(':');
        return colon < 0 ? java.util.Optional.empty() : rows.claim(evidenceId, indicator.substring(0, colon), indicator.substring(colon + 1));
    }

    private NewJudgement judgement(EvidenceRepository.Header header, Map<String, Long> claimed, @Nullable String indicator,
                                                @Nullable String outcome, @Nullable String comment, String at,
                                                List<InputError> errors) {
        if (header.status() == EvidenceStatus.WITHDRAWN) {
            throw new ConflictException("evidence.evidence-was-withdrawn-cannot-judged", header.id());
        }
        int before = errors.size();
        String id = indicator == null ? "" : indicator.strip();
        Long indicatorId = claimed.get(id);
        if (indicatorId == null) {
            errors.add(InputError.field(at + "indicator", id.isEmpty() ? Phrase.of("evidence.claims-no-indicator", header.id()) : Phrase.of("evidence.does-not-claim", header.id(), id)));
        }
        Outcome result = null;
        try {
            result = Outcome.valueOf(outcome == null ? "" : outcome.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            errors.add(InputError.field(at + "outcome", "evidence.outcome-must-met-not-yet"));
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            errors.add(InputError.field(at + "comment", "evidence.comment-must-have-most-characters", MAX_COMMENT));
        }
        return errors.size() > before ? null
                : new NewJudgement(header.id(), indicatorId, result, comment == null || comment.isBlank() ? null : comment.strip());
    }

}
