package tw.training.progress;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.course.AssessmentMethod;
import tw.training.course.CourseRef;
import tw.training.course.CourseService;
import tw.training.course.PlanEntry;
import tw.training.enrollment.EnrollmentRef;
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

/** Progress of an enrollment or of a course, explained; completion kept in step with judgements. */
@Singleton
public class ProgressService {

    private final ProgressQueries queries;
    private final EnrollmentService enrollments;
    private final CourseService courses;
    private final Clock clock;

    ProgressService(ProgressQueries queries, EnrollmentService enrollments, CourseService courses, Clock clock) {
        this.queries = queries;
        this.enrollments = enrollments;
        this.courses = courses;
        this.clock = clock;
    }

    /** The learner's own, the course's trainers and admins (anyone else: 404). */
    @ReadOnly
    public ProgressView enrollment(long enrollmentId, Actor actor) {
        EnrollmentRef ref = enrollments.requireVisible(enrollmentId, actor);
        EnrollmentView view = enrollments.get(enrollmentId, actor);
        Map<Long, List<ProgressQueries.Satisfied>> reasons = queries.satisfactions(enrollmentId).stream()
                .collect(Collectors.groupingBy(ProgressQueries.Satisfied::indicatorId, LinkedHashMap::new, Collectors.toList()));
        List<ProgressView.IndicatorProgress> indicators = new ArrayList<>();
        Map<String, int[]> tasks = new LinkedHashMap<>();
        Map<String, String> taskTitles = new LinkedHashMap<>();
        for (PlanEntry entry : courses.planOf(ref.revisionId())) {
            List<Satisfaction> satisfiedBy = new ArrayList<>();
            Set<AssessmentMethod> satisfied = EnumSet.noneOf(AssessmentMethod.class);
            for (ProgressQueries.Satisfied reason : reasons.getOrDefault(entry.indicatorId(), List.of())) {
                // evidence of a method the plan does not require for this indicator does not count
                if (entry.methods().contains(reason.method()) && satisfied.add(reason.method())) {
                    satisfiedBy.add(new Satisfaction(reason.method(), reason.evidenceId(), reason.judgementId(), reason.assessor(), reason.judgedAt()));
                }
            }
            boolean met = satisfied.containsAll(entry.methods()) && !entry.methods().isEmpty();
            List<AssessmentMethod> missing = entry.methods().stream().filter(m -> !satisfied.contains(m)).sorted().toList();
            indicators.add(new ProgressView.IndicatorProgress(entry.id(), entry.text(), entry.taskId(),
                    entry.methods().stream().sorted().toList(), satisfied.stream().sorted().toList(), met, satisfiedBy, missing));
            int[] counts = tasks.computeIfAbsent(entry.taskId(), key -> new int[2]);
            counts[0] += met ? 1 : 0;
            counts[1]++;
            taskTitles.putIfAbsent(entry.taskId(), entry.taskTitle());
        }
        List<ProgressView.TaskProgress> taskProgress = tasks.entrySet().stream().map(task -> new ProgressView.TaskProgress(task.getKey(),
                taskTitles.get(task.getKey()), task.getValue()[0], task.getValue()[1], task.getValue()[0] == task.getValue()[1])).toList();
        int met = (int) indicators.stream().filter(ProgressView.IndicatorProgress::met).count();
        return new ProgressView(enrollmentId, new ProgressView.Course(view.course().id(), view.course().code(), view.course().title()),
                new ProgressView.Learner(view.learner().username(), view.learner().displayName()), indicators, taskProgress,
                ProgressView.Summary.of(met, indicators.size()));
    }

    /** The course's trainers and admins. */
    @ReadOnly
    public CourseProgress course(long courseId, Actor actor) {
        CourseRef course = courses.requireTrainer(courseId, actor);
        List<EnrollmentView> cohort = enrollments.ofCourse(courseId, actor);
        Map<Long, ProgressQueries.Count> counts = queries.counts(cohort.stream().map(EnrollmentView::id).toList()).stream()
                .collect(Collectors.toMap(ProgressQueries.Count::enrollmentId, c -> c));
        Map<Long, List<String>> met = new LinkedHashMap<>();
        Map<String, Integer> learnersMet = new LinkedHashMap<>();
        for (ProgressQueries.Met pair : queries.metInCourse(courseId)) {
            met.computeIfAbsent(pair.enrollmentId(), key -> new ArrayList<>()).add(pair.indicator());
            learnersMet.merge(pair.indicator(), 1, Integer::sum);
        }
        if (course.publishedRevisionId() != null) {
            courses.planOf(course.publishedRevisionId()).forEach(entry -> learnersMet.putIfAbsent(entry.id(), 0));
        }
        List<CourseProgress.Row> rows = cohort.stream().map(enrollment -> {
            ProgressQueries.Count count = counts.getOrDefault(enrollment.id(), new ProgressQueries.Count(enrollment.id(), 0, 0));
            return new CourseProgress.Row(enrollment.id(), new ProgressView.Learner(enrollment.learner().username(),
                    enrollment.learner().displayName()), enrollment.status(), ProgressView.Summary.of(count.met(), count.total()),
                    met.getOrDefault(enrollment.id(), List.of()));
        }).toList();
        return new CourseProgress(courseId, course.code(), course.title(), rows,
                learnersMet.entrySet().stream().map(e -> new CourseProgress.IndicatorCount(e.getKey(), e.getValue())).toList());
    }

    /**
     * After judgements, enrollments that now meet every indicator are COMPLETED; completed ones a NOT_YET
     * un-met are ACTIVE again. Runs in the judging transaction.
     */
    @EventListener
    void onJudgementsRecorded(JudgementsRecorded event) {
        List<ProgressQueries.Count> counts = queries.counts(event.enrollmentIds());
        queries.markCompleted(counts.stream().filter(c -> c.total() > 0 && c.met() == c.total()).map(ProgressQueries.Count::enrollmentId).toList(),
                clock.instant());
        queries.markIncomplete(counts.stream().filter(c -> c.met() < c.total()).map(ProgressQueries.Count::enrollmentId).toList());
    }
}
