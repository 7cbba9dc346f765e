package tw.training.evidence;

import tw.training.phrase.Phrase;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.account.Actor;
import tw.training.account.Roles;
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
 * appended, never updated or deleted; the latest per evidence and indicator is the one that counts. A MET keeps the
 * rules of evidence or names the reason it sets one aside ({@link EvidenceRules}).
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
    private final EvidenceRules rules;
    private final JudgementAppender appender;
    private final ClaimReads claimReads;

    JudgementService(EvidenceRepository rows, JudgementRepository judgements, CourseService courses, Clock clock,
                     ApplicationEventPublisher<JudgementsRecorded> events, EvidenceRules rules, JudgementAppender appender,
                     ClaimReads claimReads) {
        this.claimReads = claimReads;
        this.rules = rules;
        this.appender = appender;
        this.rows = rows;
        this.judgements = judgements;
        this.courses = courses;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Views.Judgement judge(long evidenceId, Views.JudgeRequest request, Actor actor) {
        String indicator = request.indicator() == null ? "" : request.indicator().strip();
        EvidenceRepository.ToJudge found = toJudge(evidenceId, indicator, actor);
        EvidenceRepository.Header header = found.header();
        // CourseService.trains, with the course's trainers read in the same statement as the evidence
        boolean trains = actor.has(Roles.TRAINER) && found.trainsCourse();
        // as EvidenceService.visible, with the one trainer check both rules need
        actor.requireOwnership(header.learnerId() == actor.userId() || trains, () -> Phrase.of("evidence.evidence-not-found", evidenceId));
        if (!actor.isAdmin() && !trains) {
            throw new ForbiddenException("evidence.only-course-s-trainers-judge");
        }
        if (header.learnerId() == actor.userId()) {
            throw new ForbiddenException(OWN_EVIDENCE);
        }
        return record(header, found.claimedIndicator(), indicator, request, actor);
    }

    /**
     * A judgement that resolves a moderation disagreement: recorded as any other (the same checks, rules and events) by
     * someone moderation has already found entitled to resolve it, who need not train the course.
     */
    @Transactional
    public Views.Judgement resolve(long evidenceId, Views.JudgeRequest request, Actor resolver) {
        String indicator = request.indicator() == null ? "" : request.indicator().strip();
        EvidenceRepository.ToJudge found = toJudge(evidenceId, indicator, resolver);
        if (found.learnerId() == resolver.userId()) {
            throw new ForbiddenException(OWN_EVIDENCE);
        }
        return record(found.header(), found.claimedIndicator(), indicator, request, resolver);
    }

    /** The evidence, whether the actor trains its course, and the claimed indicator ("KPS5294-001v4:P2.3.1"), in one read. */
    private EvidenceRepository.ToJudge toJudge(long evidenceId, String indicator, Actor actor) {
        int colon = indicator.indexOf(':');
        // an id without a standard names no indicator: a code nothing has, so the read answers none
        String standard = colon < 0 ? "" : indicator.substring(0, colon);
        String code = colon < 0 ? "" : indicator.substring(colon + 1);
        return rows.toJudge(evidenceId, actor.userId(), standard, code)
                .orElseThrow(() -> new NotFoundException("evidence.evidence-not-found", evidenceId));
    }

    private Views.Judgement record(EvidenceRepository.Header header, @Nullable Long claimedIndicator, String indicator,
                                   Views.JudgeRequest request, Actor actor) {
        long evidenceId = header.id();
        List<InputError> errors = new ArrayList<>();
        Map<String, Long> claimed = claimedIndicator == null ? Map.of() : Map.of(indicator, claimedIndicator);
        NewJudgement judgement = judgement(header, claimed, new Said(indicator, request.outcome(), request.comment(), request.authenticity(),
                request.reason()), "", errors);
        List<NewJudgement> checked = judgement == null ? List.of() : withRules(List.of(judgement), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("evidence.judgement-not-valid"), errors);
        }
        // stored with microseconds, as both databases keep them: the answer says what a later read will say
        Instant judgedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        JudgementRow row = judgements.save(checked.get(0).row(actor.userId(), judgedAt));
        events.publishEvent(new JudgementsRecorded(List.of(JudgementsRecorded.Recorded.of(row, header.enrollmentId()))));
        return new Views.Judgement(row.id(), evidenceId, indicator, row.outcome(), row.comment(), actor.username(), judgedAt,
                row.authenticity() == null ? null : row.authenticity().name(), row.evidencePieces(), row.evidenceMethods(),
                row.rulesOverridden(), row.overrideReason());
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
        Map<Long, Set<String>> named = new HashMap<>();
        batch.stream().filter(item -> item.evidenceId() != null && item.indicator() != null)
                .forEach(item -> named.computeIfAbsent(item.evidenceId(), id -> new HashSet<>()).add(item.indicator().strip()));
        Map<Long, Map<String, Long>> claims = claimReads.claimed(named);
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
            NewJudgement judgement = judgement(header, claims.getOrDefault(header.id(), Map.of()), new Said(item.indicator(),
                    item.outcome(), item.comment(), item.authenticity(), item.reason()), at, errors);
            if (judgement != null) {
                judgements.add(judgement);
            }
        }
        List<NewJudgement> checked = errors.isEmpty() ? withRules(judgements, errors) : judgements;
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("evidence.no-judgement-was-recorded-are", errors.size(), batch.size()), errors);
        }
        // the database keeps microseconds: the time recorded (and logged) is the time stored
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<JudgementRow> saved = appender.appendAll(checked.stream().map(judgement -> judgement.row(actor.userId(), now)).toList());
        events.publishEvent(new JudgementsRecorded(saved.stream()
                .map(row -> JudgementsRecorded.Recorded.of(row, headers.get(row.evidenceId()).enrollmentId())).toList()));
        return checked.size();
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

    /** What an assessor said of one claimed indicator. */
    private record Said(@Nullable String indicator, @Nullable String outcome, @Nullable String comment, @Nullable String authenticity,
                        @Nullable String reason) {
    }

    /** A judgement checked and ready to append; a MET once its rules are checked carries what it records of them. */
    private record NewJudgement(String at, EvidenceRepository.Header header, String indicator, long indicatorId, Outcome outcome,
                                @Nullable String comment, @Nullable Authenticity authenticity, @Nullable String reason,
                                @Nullable EvidenceRules.Recorded rules) {

        long evidenceId() {
            return header.id();
        }

        NewJudgement with(EvidenceRules.Recorded recorded) {
            return new NewJudgement(at, header, indicator, indicatorId, outcome, comment, authenticity, reason, recorded);
        }

        JudgementRow row(long assessorId, Instant judgedAt) {
            return rules == null ? new JudgementRow(null, evidenceId(), indicatorId, outcome, comment, assessorId, judgedAt)
                    : new JudgementRow(null, evidenceId(), indicatorId, outcome, comment, assessorId, judgedAt, rules.authenticity(),
                    rules.pieces(), rules.methods(), rules.overridden(), rules.reason());
        }
    }

    /** The judgements with the rules of evidence checked on their METs (in one read of the bodies of evidence). */
    private List<NewJudgement> withRules(List<NewJudgement> judgements, List<InputError> errors) {
        Map<EvidenceRules.Claim, Outcome> outcomes = new HashMap<>();
        judgements.forEach(j -> outcomes.put(new EvidenceRules.Claim(j.evidenceId(), j.indicatorId()), j.outcome()));
        List<NewJudgement> mets = judgements.stream().filter(j -> j.outcome() == Outcome.MET).toList();
        List<EvidenceRules.Recorded> recorded = rules.check(mets.stream().map(j -> new EvidenceRules.Met(j.at(), j.header(), j.indicatorId(),
                j.indicator(), j.authenticity(), j.reason())).toList(), outcomes, errors);
        Map<NewJudgement, EvidenceRules.Recorded> byMet = new java.util.IdentityHashMap<>();
        for (int i = 0; i < mets.size(); i++) {
            byMet.put(mets.get(i), recorded.get(i));
        }
        return judgements.stream().map(j -> byMet.get(j) == null ? j : j.with(byMet.get(j))).toList();
    }

    private NewJudgement judgement(EvidenceRepository.Header header, Map<String, Long> claimed, Said said, String at, List<InputError> errors) {
        if (header.status() == EvidenceStatus.WITHDRAWN) {
            throw new ConflictException("evidence.evidence-was-withdrawn-cannot-judged", header.id());
        }
        int before = errors.size();
        String id = said.indicator() == null ? "" : said.indicator().strip();
        Long indicatorId = claimed.get(id);
        if (indicatorId == null) {
            errors.add(InputError.field(at + "indicator", id.isEmpty() ? Phrase.of("evidence.claims-no-indicator", header.id()) : Phrase.of("evidence.does-not-claim", header.id(), id)));
        }
        Outcome result = null;
        try {
            result = Outcome.valueOf(said.outcome() == null ? "" : said.outcome().strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            errors.add(InputError.field(at + "outcome", "evidence.outcome-must-met-not-yet"));
        }
        String comment = said.comment();
        if (comment != null && comment.length() > MAX_COMMENT) {
            errors.add(InputError.field(at + "comment", "evidence.comment-must-have-most-characters", MAX_COMMENT));
        }
        Authenticity authenticity = null;
        if (said.authenticity() != null && !said.authenticity().isBlank()) {
            authenticity = Authenticity.of(said.authenticity().strip().toUpperCase()).orElse(null);
            if (authenticity == null) {
                errors.add(InputError.field(at + "authenticity", "evidence.authenticity-must-be-one", List.of(Authenticity.values())));
            }
        }
        if (said.reason() != null && said.reason().length() > EvidenceRules.MAX_REASON) {
            errors.add(InputError.field(at + "reason", "evidence.reason-at-most", EvidenceRules.MAX_REASON));
        }
        return errors.size() > before ? null : new NewJudgement(at, header, id, indicatorId, result,
                comment == null || comment.isBlank() ? null : comment.strip(), authenticity, said.reason(), null);
    }

}
