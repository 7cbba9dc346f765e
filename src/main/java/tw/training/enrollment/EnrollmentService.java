package tw.training.enrollment;

import tw.training.phrase.Phrase;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.account.AccountService;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.account.UserResponse;
import tw.training.course.CourseRef;
import tw.training.course.CourseService;
import tw.training.course.CourseView;
import tw.training.database.Sql;
import tw.training.problem.ConflictException;
import tw.training.problem.ForbiddenException;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Enrolls learners in published courses and answers who is enrolled where. Each enrollment keeps the plan
 * revision that was published when it was made.
 */
@Singleton
public class EnrollmentService {

    private final EnrollmentRepository store;
    private final CourseService courses;
    private final AccountService accounts;
    private final Clock clock;

    EnrollmentService(EnrollmentRepository store, CourseService courses, AccountService accounts, Clock clock) {
        this.store = store;
        this.courses = courses;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public EnrollmentView enroll(long courseId, @Nullable String username, Actor actor) {
        CourseRef course = courses.requireTrainer(courseId, actor);
        if (course.archived()) {
            throw new ConflictException("enrollment.course-archived-takes-no-enrollments", course.code());
        }
        if (course.publishedRevisionId() == null) {
            throw new ConflictException("enrollment.course-not-published-yet", course.code());
        }
        UserResponse learner = learner(username);
        // two requests enrolling one learner at once take turns, so the check below holds when the insert runs
        store.lockLearner(learner.id());
        if (!store.standing(courseId, learner.id()).isEmpty()) {
            throw new ConflictException("enrollment.already-enrolled", learner.username(), course.code());
        }
        long id;
        try {
            id = store.save(new Enrollment(null, courseId, course.publishedRevisionId(), learner.id(), EnrollmentStatus.ACTIVE, clock.instant(),
                    null, null)).id();
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                // enrolled by another request between the check above and this insert
                throw new ConflictException("enrollment.already-enrolled", learner.username(), course.code());
            }
            throw e;
        }
        return store.listing(id).orElseThrow().view();
    }

    private UserResponse learner(@Nullable String username) {
        String name = username == null ? "" : username.strip().toLowerCase();
        if (name.isEmpty()) {
            throw InvalidInputException.of("username", "enrollment.username-required");
        }
        UserResponse user;
        try {
            user = accounts.get(name);
        } catch (NotFoundException e) {
            throw InvalidInputException.of("username", "enrollment.no-user", name);
        }
        if (!user.roles().contains(Roles.LEARNER)) {
            throw InvalidInputException.of("username", "enrollment.not-learner", name);
        }
        if (!user.enabled()) {
            throw InvalidInputException.of("username", "enrollment.disabled", name);
        }
        return user;
    }

    /** The learner's own, the course's trainers and admins; to anyone else the enrollment does not exist. */
    @ReadOnly
    public EnrollmentView get(long enrollmentId, Actor actor) {
        return visible(enrollmentId, actor).view();
    }

    /**
     * The course as the enrollment joined it (details, modules, the plan it is assessed against), for whoever may
     * see the enrollment: a learner reads their course without seeing anyone else's enrollment.
     */
    @ReadOnly
    public CourseView course(long enrollmentId, Actor actor) {
        EnrollmentRef enrollment = visible(enrollmentId, actor).ref();
        return courses.asJoined(enrollment.courseId(), enrollment.revisionId());
    }

    /** The level of each task of a visible enrollment's plan, by task id. */
    public Map<String, Integer> taskLevels(Visible enrollment) {
        return courses.publishedTaskLevels(enrollment.ref().revisionId());
    }

    /** For features working on an enrollment (evidence, progress): the same visibility rule as {@link #get}. */
    @ReadOnly
    public EnrollmentRef requireVisible(long enrollmentId, Actor actor) {
        return visible(enrollmentId, actor).ref();
    }

    /**
     * Both faces of an enrollment from one read, and the proof that the actor may see it: only this service makes
     * one, so a feature handed a {@code Visible} reads the enrollment's data without checking again.
     */
    public static final class Visible {
        private final EnrollmentRef ref;
        private final EnrollmentView view;

        private Visible(EnrollmentRef ref, EnrollmentView view) {
            this.ref = ref;
            this.view = view;
        }

        public EnrollmentRef ref() {
            return ref;
        }

        public EnrollmentView view() {
            return view;
        }
    }

    /**
     * The signed-in learner's enrollment in the course that has not been withdrawn, if any: for features that let a
     * learner use what their course offers (its materials, its tests).
     */
    @ReadOnly
    public Optional<EnrollmentRef> own(long courseId, Actor actor) {
        return store.ofLearnerInCourse(courseId, actor.userId()).stream().map(EnrollmentListing::ref)
                .filter(e -> e.status() != EnrollmentStatus.WITHDRAWN).findFirst();
    }

    /**
     * An enrollment reached without a signed-in user, by a caller that proved its right another way (a third party's
     * link, whose token names one enrollment's request): never for anything a user asked for by id.
     */
    @ReadOnly
    public EnrollmentRef reachedByLink(long enrollmentId) {
        return store.listing(enrollmentId).map(EnrollmentListing::ref)
                .orElseThrow(() -> new NotFoundException("enrollment.enrollment-not-found", enrollmentId));
    }

    /** {@link #requireVisible} and {@link #get} at once. */
    @ReadOnly
    public Visible requireVisibleView(long enrollmentId, Actor actor) {
        EnrollmentListing row = visible(enrollmentId, actor);
        return new Visible(row.ref(), row.view());
    }

    @ReadOnly
    public List<EnrollmentView> mine(Actor actor) {
        return store.ofLearner(actor.userId()).stream().map(EnrollmentListing::view).toList();
    }

    @ReadOnly
    public List<EnrollmentView> ofCourse(long courseId, Actor actor) {
        courses.requireTrainer(courseId, actor);
        return store.ofCourse(courseId).stream().map(EnrollmentListing::view).toList();
    }

    @Transactional
    public EnrollmentView withdraw(long enrollmentId, Actor actor) {
        EnrollmentListing row = visible(enrollmentId, actor);
        if (!actor.isAdmin() && !courses.trains(row.ref().courseId(), actor)) {
            throw new ForbiddenException("enrollment.only-course-s-trainers-withdraw");
        }
        if (row.ref().status() == EnrollmentStatus.WITHDRAWN) {
            return row.view();
        }
        store.update(enrollmentId, EnrollmentStatus.WITHDRAWN, null, clock.instant());
        return store.listing(enrollmentId).orElseThrow().view();
    }

    private EnrollmentListing visible(long enrollmentId, Actor actor) {
        EnrollmentListing row = store.listing(enrollmentId).orElseThrow(() -> new NotFoundException("enrollment.enrollment-not-found", enrollmentId));
        boolean own = row.ref().learnerId() == actor.userId();
        actor.requireOwnership(own || courses.trains(row.ref().courseId(), actor), () -> Phrase.of("enrollment.enrollment-not-found", enrollmentId));
        return row;
    }
}
