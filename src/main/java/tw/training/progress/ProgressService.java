package tw.training.progress;

import tw.training.course.EnrolledPlans;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.account.Actor;
import tw.training.course.AssessmentMethod;
import tw.training.course.CourseRef;
import tw.training.course.CourseService;
import tw.training.course.PlanEntry;
import tw.training.enrollment.EnrollmentService;
import tw.training.enrollment.EnrollmentView;
import tw.training.evidence.JudgementsRecorded;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Progress of an enrollment or of a course, explained. What is met is derived when judgements change
 * ({@link ProgressLedger}); reading it is a lookup of one enrollment's satisfactions or one row per enrollment.
 */
@Singleton
public class ProgressService {

    private final ProgressLedger ledger;
    private final ProgressQueries queries;
    private final EnrolledPlans plans;
    private final EnrollmentService enrollments;
    private final CourseService courses;
    private final Clock clock;
    private final ApplicationEventPublisher<EnrollmentsCompleted> completed;

    ProgressService(ProgressLedger ledger, ProgressQueries queries, EnrolledPlans plans, EnrollmentService enrollments,
                    CourseService courses, Clock clock, ApplicationEventPublisher<EnrollmentsCompleted> completed) {
        this.ledger = ledger;
        this.queries = queries;
        this.plans = plans;
        this.enrollments = enrollments;
        this.courses = courses;
        this.clock = clock;
        this.completed = completed;
    }

    /** The learner's own, the course's trainers and admins (anyone else: 404). */
    @ReadOnly
    public ProgressView enrollment(long enrollmentId, Actor actor) {
        EnrollmentService.Visible enrollment = enrollments.requireVisibleView(enrollmentId, actor);
        return view(enrollment, queries.satisfactions(enrollmentId, null));
    }

    /** The progress of an enrollment the caller may see, and the evidence title and comment of each judgement that met it. */
    public record Explained(ProgressView progress, Map<Long, MetNote> notes) {
    }

    /** {@link #enrollment} with the notes a learner's plan shows beside what met it, from the same read. */
    @ReadOnly
    public Explained explained(EnrollmentService.Visible enrollment) {
        Map<Long, MetNote> notes = new HashMap<>();
        return new Explained(view(enrollment, queries.satisfactions(enrollment.ref().id(), notes)), notes);
    }

    private ProgressView view(EnrollmentService.Visible enrollment, Map<Long, List<Satisfaction>> reasons) {
        long enrollmentId = enrollment.ref().id();
        EnrolledPlans.Plan plan = plans.of(enrollment.ref().revisionId());
        List<ProgressView.IndicatorProgress> indicators = new ArrayList<>(plan.size());
        Map<String, ProgressView.TaskProgress> tasks = new LinkedHashMap<>();
        int met = 0;
        for (PlanEntry entry : plan.entries()) {
            List<AssessmentMethod> required = plan.indicator(entry.indicatorId()).methods();
            // the ledger keeps one satisfaction per required method, so those present are exactly the satisfied ones
            List<Satisfaction> satisfiedBy = reasons.getOrDefault(entry.indicatorId(), List.of());
            Set<AssessmentMethod> satisfied = EnumSet.noneOf(AssessmentMethod.class);
            satisfiedBy.forEach(reason -> satisfied.add(reason.method()));
            List<AssessmentMethod> missing = new ArrayList<>(required.size());
            for (AssessmentMethod method : required) {
                if (!satisfied.contains(method)) {
                    missing.add(method);
                }
            }
            boolean indicatorMet = !required.isEmpty() && missing.isEmpty();
            met += indicatorMet ? 1 : 0;
            indicators.add(new ProgressView.IndicatorProgress(entry.id(), entry.text(), entry.taskId(), required, List.copyOf(satisfied),
                    indicatorMet, satisfiedBy, missing, RulesFound.of(entry, indicatorMet, satisfiedBy, plan.currencyMonths())));
            tasks.merge(entry.taskId(), new ProgressView.TaskProgress(entry.taskId(), entry.taskTitle(), indicatorMet ? 1 : 0, 1, indicatorMet),
                    (sum, one) -> new ProgressView.TaskProgress(sum.id(), sum.title(), sum.indicatorsMet() + one.indicatorsMet(),
                            sum.indicatorsTotal() + 1, sum.met() && one.met()));
        }
        EnrollmentView view = enrollment.view();
        return new ProgressView(enrollmentId, new ProgressView.Course(view.course().id(), view.course().code(), view.course().title()),
                new ProgressView.Learner(view.learner().username(), view.learner().displayName()), indicators, List.copyOf(tasks.values()),
                ProgressView.Summary.of(met, indicators.size()));
    }

    /** What is still open for an enrollment the caller may see: claims awaiting judgement or last judged NOT_YET ({@link OpenClaim}). */
    @ReadOnly
    public List<OpenClaim> openClaims(EnrollmentService.Visible enrollment) {
        return queries.openClaims(enrollment.ref().id());
    }

    /** The caller's own enrollments, each with how many of its plan's indicators are met, by enrollment id. */
    @ReadOnly
    public Map<Long, ProgressView.Summary> mine(Actor actor) {
        Map<Long, ProgressView.Summary> summaries = new HashMap<>();
        queries.ofLearner(actor.userId()).forEach(enrolled -> summaries.put(enrolled.enrollmentId(),
                ProgressView.Summary.of(enrolled.met(), plans.of(enrolled.revisionId()).size())));
        return summaries;
    }

    /** The course's trainers and admins. */
    @ReadOnly
    public CourseProgress course(long courseId, Actor actor) {
        CourseRef course = courses.requireTrainer(courseId, actor);
        List<CourseProgress.Row> rows = new ArrayList<>();
        List<CourseProgress.IndicatorCount> learnersMet = walk(course, (member, met, summary) -> rows.add(new CourseProgress.Row(
                member.enrollmentId(), new ProgressView.Learner(member.username(), member.displayName()), member.status(),
                member.completedAt(), summary, met.stream().map(indicator -> indicator.entry().id()).toList())));
        return new CourseProgress(courseId, course.code(), course.title(), rows, learnersMet);
    }

    /** {@link #course} as JSON, written while the cohort is read: for ten thousand learners, no object graph first. */
    @ReadOnly
    public byte[] courseJson(long courseId, Actor actor) {
        CourseRef course = courses.requireTrainer(courseId, actor);
        CohortJson json = new CohortJson(course);
        return json.finish(walk(course, json));
    }

    /**
     * Hands every enrollment of the course to {@code visitor} with the indicators it met, and answers how many learners
     * met each indicator: those of the published plan in its order, then any only older revisions hold.
     */
    private List<CourseProgress.IndicatorCount> walk(CourseRef course, CohortVisitor visitor) {
        Map<Long, Tally> learnersMet = new LinkedHashMap<>();
        if (course.publishedRevisionId() != null) {
            plans.of(course.publishedRevisionId()).entries().forEach(entry -> learnersMet.put(entry.indicatorId(), new Tally(entry.id())));
        }
        queries.cohort(course.id(), member -> {
            EnrolledPlans.Plan plan = plans.of(member.revisionId());
            List<EnrolledPlans.Indicator> met = new ArrayList<>(member.met().length);
            for (long indicatorId : member.met()) {
                EnrolledPlans.Indicator indicator = plan.indicator(indicatorId);
                met.add(indicator);
                learnersMet.computeIfAbsent(indicatorId, key -> new Tally(indicator.entry().id())).learners++;
            }
            visitor.row(member, met, ProgressView.Summary.of(met.size(), plan.size()));
        });
        return learnersMet.values().stream().map(tally -> new CourseProgress.IndicatorCount(tally.id, tally.learners)).toList();
    }

    /** How many learners met one indicator, counted as the cohort goes by. */
    private static final class Tally {
        private final String id;
        private int learners;

        Tally(String id) {
            this.id = id;
        }
    }

    /**
     * After judgements, the enrollments' progress is changed by what they change; those that now meet every indicator
     * are COMPLETED, as of the judgements' time (so that the completion is found again from them when they are told),
     * completed ones a NOT_YET un-met are ACTIVE again. Runs in the judging transaction.
     */
    @EventListener
    void onJudgementsRecorded(JudgementsRecorded event) {
        if (event.judgements().isEmpty()) {
            return;
        }
        Instant at = event.judgements().stream().map(JudgementsRecorded.Recorded::judgedAt).max(Instant::compareTo).orElseThrow();
        List<Long> completed = ledger.apply(event.judgements(), at);
        if (!completed.isEmpty()) {
            long last = event.judgements().stream().mapToLong(JudgementsRecorded.Recorded::judgementId).max().orElseThrow();
            this.completed.publishEvent(new EnrollmentsCompleted(completed, at, EnrollmentsCompleted.Cause.judgement(last)));
        }
    }

    /**
     * These enrollments' progress derived again whole, in the caller's transaction: after something other than a
     * judgement changed what counts for them (a learner moved to another revision of the plan, issue 35).
     */
    public void rederive(Collection<Long> enrollments, EnrollmentsCompleted.Cause cause) {
        Instant now = clock.instant();
        List<Long> completed = ledger.rederive(enrollments, now);
        if (!completed.isEmpty()) {
            this.completed.publishEvent(new EnrollmentsCompleted(completed, now, cause));
        }
    }

    /** Every enrollment's progress derived again from the judgements (after a bulk load or a repair). */
    @Transactional
    public int rebuild() {
        return ledger.rebuild(clock.instant());
    }
}
