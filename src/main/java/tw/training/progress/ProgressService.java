package tw.training.progress;

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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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

    ProgressService(ProgressLedger ledger, ProgressQueries queries, EnrolledPlans plans, EnrollmentService enrollments,
                    CourseService courses, Clock clock) {
        this.ledger = ledger;
        this.queries = queries;
        this.plans = plans;
        this.enrollments = enrollments;
        this.courses = courses;
        this.clock = clock;
    }

    /** The learner's own, the course's trainers and admins (anyone else: 404). */
    @ReadOnly
    public ProgressView enrollment(long enrollmentId, Actor actor) {
        EnrollmentService.Visible enrollment = enrollments.requireVisibleView(enrollmentId, actor);
        Map<Long, List<ProgressQueries.Satisfied>> reasons = queries.satisfactions(enrollmentId).stream()
                .collect(Collectors.groupingBy(ProgressQueries.Satisfied::indicatorId, LinkedHashMap::new, Collectors.toList()));
        List<ProgressView.IndicatorProgress> indicators = new ArrayList<>();
        Map<String, int[]> tasks = new LinkedHashMap<>();
        Map<String, String> taskTitles = new LinkedHashMap<>();
        for (PlanEntry entry : plans.of(enrollment.ref().revisionId()).entries()) {
            // the ledger keeps one satisfaction per required method, so those present are exactly the satisfied ones
            List<Satisfaction> satisfiedBy = reasons.getOrDefault(entry.indicatorId(), List.of()).stream()
                    .map(r -> new Satisfaction(r.method(), r.evidenceId(), r.judgementId(), r.assessor(), r.judgedAt())).toList();
            Set<AssessmentMethod> satisfied = satisfiedBy.stream().map(Satisfaction::method)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(AssessmentMethod.class)));
            boolean met = !entry.methods().isEmpty() && satisfied.containsAll(entry.methods());
            List<AssessmentMethod> missing = entry.methods().stream().filter(m -> !satisfied.contains(m)).sorted().toList();
            indicators.add(new ProgressView.IndicatorProgress(entry.id(), entry.text(), entry.taskId(),
                    entry.methods().stream().sorted().toList(), List.copyOf(satisfied), met, satisfiedBy, missing));
            int[] counts = tasks.computeIfAbsent(entry.taskId(), key -> new int[2]);
            counts[0] += met ? 1 : 0;
            counts[1]++;
            taskTitles.putIfAbsent(entry.taskId(), entry.taskTitle());
        }
        List<ProgressView.TaskProgress> taskProgress = tasks.entrySet().stream().map(task -> new ProgressView.TaskProgress(task.getKey(),
                taskTitles.get(task.getKey()), task.getValue()[0], task.getValue()[1], task.getValue()[0] == task.getValue()[1])).toList();
        int met = (int) indicators.stream().filter(ProgressView.IndicatorProgress::met).count();
        EnrollmentView view = enrollment.view();
        return new ProgressView(enrollmentId, new ProgressView.Course(view.course().id(), view.course().code(), view.course().title()),
                new ProgressView.Learner(view.learner().username(), view.learner().displayName()), indicators, taskProgress,
                ProgressView.Summary.of(met, indicators.size()));
    }

    /** The course's trainers and admins. */
    @ReadOnly
    public CourseProgress course(long courseId, Actor actor) {
        CourseRef course = courses.requireTrainer(courseId, actor);
        Map<String, Integer> learnersMet = new LinkedHashMap<>();
        if (course.publishedRevisionId() != null) {
            plans.of(course.publishedRevisionId()).entries().forEach(entry -> learnersMet.put(entry.id(), 0));
        }
        List<CourseProgress.Row> rows = new ArrayList<>();
        for (ProgressQueries.Member member : queries.cohort(courseId)) {
            EnrolledPlans.Plan plan = plans.of(member.revisionId());
            List<String> met = new ArrayList<>(member.met().length);
            for (long indicatorId : member.met()) {
                String id = plan.byIndicator().get(indicatorId).id();
                met.add(id);
                learnersMet.merge(id, 1, Integer::sum);
            }
            rows.add(new CourseProgress.Row(member.enrollmentId(), new ProgressView.Learner(member.username(), member.displayName()),
                    member.status(), member.completedAt(), ProgressView.Summary.of(met.size(), plan.size()), met));
        }
        return new CourseProgress(courseId, course.code(), course.title(), rows,
                learnersMet.entrySet().stream().map(e -> new CourseProgress.IndicatorCount(e.getKey(), e.getValue())).toList());
    }

    /**
     * After judgements, the enrollments' progress is derived again; those that now meet every indicator are
     * COMPLETED, completed ones a NOT_YET un-met are ACTIVE again. Runs in the judging transaction.
     */
    @EventListener
    void onJudgementsRecorded(JudgementsRecorded event) {
        ledger.refresh(event.enrollmentIds(), clock.instant());
    }

    /** Every enrollment's progress derived again from the judgements (after a bulk load or a repair). */
    @Transactional
    public int rebuild() {
        return ledger.rebuild(clock.instant());
    }
}
