package tw.training.moderation;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.account.Actor;
import tw.training.evidence.EvidenceService;
import tw.training.evidence.JudgementService;
import tw.training.evidence.Views;
import tw.training.problem.ConflictException;
import tw.training.problem.ForbiddenException;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;
import tw.training.phrase.Phrase;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Blind second marking of a sampled judgement, and the resolution of a disagreement. The moderator sees the evidence
 * and the indicator, not the first marking, until they record their own (once: two moderators at once, the second is
 * told it is done). A disagreement is resolved by the course's lead trainer or a third marker — another moderator or
 * an administrator — who is neither of the two markers; the resolution is a new judgement, with the reason as its
 * comment, so it is what now counts for the learner. Nothing is overwritten.
 */
@Singleton
public class SecondMarking {

    private static final Set<String> OUTCOMES = Set.of("MET", "NOT_YET");
    private static final int MAX_COMMENT = 4000;
    private static final int MAX_RULES_REASON = 2000;

    private final ModerationRepository moderation;
    private final Moderators moderators;
    private final JudgementService judgements;
    private final EvidenceService evidence;
    private final Clock clock;
    private final ApplicationEventPublisher<ModerationRecorded> events;

    SecondMarking(ModerationRepository moderation, Moderators moderators, JudgementService judgements, EvidenceService evidence, Clock clock,
                  ApplicationEventPublisher<ModerationRecorded> events) {
        this.moderation = moderation;
        this.moderators = moderators;
        this.judgements = judgements;
        this.evidence = evidence;
        this.clock = clock;
        this.events = events;
    }

    /** The second marker's decision. */
    @Serdeable
    public record SecondBody(@Nullable String outcome, @Nullable String comment) {
    }

    /**
     * The resolution: the outcome that now counts and why; a MET keeps the rules of evidence like any other, or sets
     * one aside with {@code rulesReason}.
     */
    @Serdeable
    public record ResolutionBody(@Nullable String outcome, @Nullable String reason, @Nullable String authenticity, @Nullable String rulesReason) {
    }

    /** A sampled judgement, to the course's moderators and its lead trainer (who resolves). */
    @ReadOnly
    public SampleViews.Item item(long itemId, Actor actor) {
        ModerationRepository.Item item = visible(itemId, actor);
        return view(item, evidence.filesOf(item.evidenceId()));
    }

    /** A file of a sampled piece of evidence, to those who see the item. */
    @ReadOnly
    public EvidenceService.Download file(long itemId, long fileId, Actor actor) {
        return evidence.fileOf(visible(itemId, actor).evidenceId(), fileId);
    }

    @Transactional
    public SampleViews.Item secondMark(long itemId, SecondBody body, Actor actor) {
        ModerationRepository.Item item = found(itemId, actor);
        moderators.requireModerator(item.courseId(), actor);
        if (item.firstAssessorId() == actor.userId() || item.learnerId() == actor.userId()) {
            throw new ForbiddenException("moderation.not-your-own-marking");
        }
        List<InputError> errors = new ArrayList<>();
        String outcome = outcome(body.outcome(), errors);
        String comment = text(body.comment(), "comment", MAX_COMMENT, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("moderation.second-marking-not-valid"), errors);
        }
        if (item.secondOutcome() != null || moderation.markSecond(itemId, outcome, comment, actor.userId(), now()) == 0) {
            throw new ConflictException("moderation.already-second-marked", itemId);
        }
        events.publishEvent(new ModerationRecorded(ModerationRecorded.Kind.SECOND_MARKING, itemId));
        return item(itemId, actor);
    }

    @Transactional
    public SampleViews.Item resolve(long itemId, ResolutionBody body, Actor actor) {
        ModerationRepository.Item item = found(itemId, actor);
        boolean leads = moderators.leads(item.courseId(), actor);
        if (!leads) {
            moderators.requireModerator(item.courseId(), actor);
        }
        if (item.secondOutcome() == null) {
            throw new ConflictException("moderation.not-yet-second-marked", itemId);
        }
        if (item.secondOutcome().equals(item.firstOutcome())) {
            throw new ConflictException("moderation.no-disagreement", itemId);
        }
        if (item.resolutionJudgementId() != null) {
            throw new ConflictException("moderation.already-resolved", itemId);
        }
        if (item.firstAssessorId() == actor.userId() || actor.userId() == item.secondBy() || item.learnerId() == actor.userId()) {
            throw new ForbiddenException("moderation.resolver-is-a-third");
        }
        List<InputError> errors = new ArrayList<>();
        String outcome = outcome(body.outcome(), errors);
        String reason = text(body.reason(), "reason", MAX_COMMENT, errors);
        if (reason == null && errors.stream().noneMatch(e -> "reason".equals(e.field()))) {
            errors.add(InputError.field("reason", "moderation.resolution-needs-reason"));
        }
        String rulesReason = text(body.rulesReason(), "rulesReason", MAX_RULES_REASON, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("moderation.resolution-not-valid"), errors);
        }
        Views.Judgement judgement = judgements.resolve(item.evidenceId(), new Views.JudgeRequest(item.indicator(), outcome, reason,
                body.authenticity(), rulesReason), actor);
        // someone resolved it since it was read: their judgement stands, this one rolls back with the exception
        if (moderation.resolve(itemId, judgement.id(), actor.userId(), now()) == 0) {
            throw new ConflictException("moderation.already-resolved", itemId);
        }
        events.publishEvent(new ModerationRecorded(ModerationRecorded.Kind.RESOLUTION, itemId));
        return item(itemId, actor);
    }

    /** The item to its course's moderators, and to its lead trainer once it is second-marked (to resolve it). */
    private ModerationRepository.Item visible(long itemId, Actor actor) {
        ModerationRepository.Item item = found(itemId, actor);
        if (!(item.secondOutcome() != null && moderators.leads(item.courseId(), actor))) {
            moderators.requireModerator(item.courseId(), actor);
        }
        return item;
    }

    private ModerationRepository.Item found(long itemId, Actor actor) {
        return moderation.item(itemId).orElseThrow(() -> new NotFoundException("moderation.item-not-found", itemId));
    }

    static SampleViews.Item view(ModerationRepository.Item i, List<Views.File> files) {
        boolean marked = i.secondOutcome() != null;
        String state = !marked ? "AWAITING_SECOND_MARKING" : i.secondOutcome().equals(i.firstOutcome()) ? "AGREED"
                : i.resolutionJudgementId() == null ? "DISAGREED" : "RESOLVED";
        SampleViews.Marking first = marked ? new SampleViews.Marking(i.judgementId(), i.firstAssessor(), i.firstOutcome(), i.firstComment(),
                i.firstJudgedAt()) : null;
        SampleViews.Marking second = marked ? new SampleViews.Marking(null, i.secondMarker(), i.secondOutcome(), i.secondComment(),
                i.secondAt()) : null;
        SampleViews.Marking resolution = i.resolutionJudgementId() == null ? null : new SampleViews.Marking(i.resolutionJudgementId(),
                i.resolver(), i.resolutionOutcome(), i.resolutionReason(), i.resolvedAt());
        return new SampleViews.Item(i.itemId(), i.sampleId(), i.evidenceId(), i.learner(), i.method(), i.title(), i.description(),
                i.performedOn(), i.submittedAt(), files, i.indicator(), i.indicatorText(), state, first, second, resolution);
    }

    private static String outcome(@Nullable String value, List<InputError> errors) {
        String outcome = value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT);
        if (!OUTCOMES.contains(outcome)) {
            errors.add(InputError.field("outcome", "evidence.outcome-must-met-not-yet"));
        }
        return outcome;
    }

    private static String text(@Nullable String value, String field, int max, List<InputError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            errors.add(InputError.field(field, "moderation.at-most", max));
        }
        return value.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
