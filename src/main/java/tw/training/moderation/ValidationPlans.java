package tw.training.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.account.AccountService;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.account.UserResponse;
import tw.training.course.CourseService;
import tw.training.course.CourseView;
import tw.training.phrase.Phrase;
import tw.training.problem.DomainException;
import tw.training.problem.ForbiddenException;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each course's validation plan: last validated, next due (by default three years on, iCAP's cycle), who validates (a
 * trainer or administrator who is not the course's lead trainer), a complaint on record; and the risk triggers read
 * from what happened since the last validation: an assessor who judged in the course for the first time, a revision
 * of the plan published, a complaint. Its trainers read it; its lead trainer or an administrator sets it.
 */
@Singleton
public class ValidationPlans {

    static final int CYCLE_YEARS = 3;
    private static final int MAX_COMPLAINT = 1000;

    private final ValidationPlanRepository plans;
    private final CourseService courses;
    private final AccountService accounts;
    private final Clock clock;

    ValidationPlans(ValidationPlanRepository plans, CourseService courses, AccountService accounts, Clock clock) {
        this.plans = plans;
        this.courses = courses;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * @param due      the next validation's day has come
     * @param triggers NEW_ASSESSOR, CHANGED_PLAN, COMPLAINT: reasons to validate before the day
     */
    @Serdeable
    public record PlanView(long courseId, @Nullable LocalDate lastValidated, LocalDate nextDue, boolean due, @Nullable String validator,
                           @Nullable String complaint, List<String> triggers, List<String> newAssessors, List<Integer> revisionsPublished) {
    }

    /** Days as yyyy-mm-dd; {@code nextDue} absent: three years after {@code lastValidated}. */
    @Serdeable
    public record PlanBody(@Nullable String lastValidated, @Nullable String nextDue, @Nullable String validator, @Nullable String complaint) {
    }

    @ReadOnly
    public PlanView get(long courseId, Actor actor) {
        courses.requireTrainer(courseId, actor);
        return view(courseId, plans.findById(courseId));
    }

    @Transactional
    public PlanView set(long courseId, PlanBody body, Actor actor) {
        CourseView course = courses.get(courseId, actor);
        if (!actor.isAdmin() && !course.owner().equals(actor.username())) {
            throw new ForbiddenException("moderation.only-lead-sets-validation");
        }
        List<InputError> errors = new ArrayList<>();
        LocalDate today = Days.today(clock);
        LocalDate last = Days.optional(body.lastValidated(), "lastValidated", errors);
        if (last != null && last.isAfter(today)) {
            errors.add(InputError.field("lastValidated", "moderation.day-not-future"));
        }
        LocalDate next = Days.optional(body.nextDue(), "nextDue", errors);
        if (next == null && last != null) {
            next = last.plusYears(CYCLE_YEARS);
        }
        if (next == null && errors.stream().noneMatch(e -> "nextDue".equals(e.field()))) {
            errors.add(InputError.field("nextDue", "moderation.next-due-required"));
        } else if (next != null && last != null && !next.isAfter(last)) {
            errors.add(InputError.field("nextDue", "moderation.next-after-last"));
        }
        Long validator = validator(body.validator(), course, errors);
        String complaint = body.complaint() == null || body.complaint().isBlank() ? null : body.complaint().strip();
        if (complaint != null && complaint.length() > MAX_COMPLAINT) {
            errors.add(InputError.field("complaint", "moderation.complaint-at-most", MAX_COMPLAINT));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("moderation.validation-plan-not-valid"), errors);
        }
        ValidationPlanRow row = new ValidationPlanRow(courseId, last, next, validator, complaint, actor.userId(), clock.instant());
        // the course's row made if it has none (two first saves at once make one), then written: the last save wins
        plans.createIfAbsent(courseId, next, actor.userId(), row.updatedAt());
        plans.update(row);
        return view(courseId, Optional.of(row));
    }

    private PlanView view(long courseId, Optional<ValidationPlanRow> row) {
        LocalDate today = Days.today(clock);
        LocalDate last = row.map(ValidationPlanRow::lastValidated).orElse(null);
        // never validated: everything so far counts, and it is due now
        Instant since = last == null ? Instant.EPOCH : Days.start(last.plusDays(1));
        LocalDate next = row.map(ValidationPlanRow::nextDue).orElse(today);
        List<String> newAssessors = plans.newAssessors(courseId, since);
        List<Integer> published = plans.publishedSince(courseId, since);
        String complaint = row.map(ValidationPlanRow::complaint).orElse(null);
        List<String> triggers = new ArrayList<>();
        if (!newAssessors.isEmpty()) {
            triggers.add("NEW_ASSESSOR");
        }
        if (!published.isEmpty()) {
            triggers.add("CHANGED_PLAN");
        }
        if (complaint != null) {
            triggers.add("COMPLAINT");
        }
        String validator = row.map(ValidationPlanRow::validatorId).flatMap(accounts::holder).map(h -> h.username()).orElse(null);
        return new PlanView(courseId, last, next, !next.isAfter(today), validator, complaint, triggers, newAssessors, published);
    }

    private Long validator(@Nullable String username, CourseView course, List<InputError> errors) {
        if (username == null || username.isBlank()) {
            return null;
        }
        UserResponse user;
        try {
            user = accounts.get(username.strip());
        } catch (DomainException unknown) {
            errors.add(InputError.field("validator", "moderation.validator-unknown", username.strip()));
            return null;
        }
        if (!user.roles().contains(Roles.TRAINER) && !user.roles().contains(Roles.ADMIN)) {
            errors.add(InputError.field("validator", "moderation.validator-must-assess", user.username()));
        } else if (user.username().equals(course.owner())) {
            errors.add(InputError.field("validator", "moderation.validator-not-lead", user.username()));
        }
        return user.id();
    }
}
