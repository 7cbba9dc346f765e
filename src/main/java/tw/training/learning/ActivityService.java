package tw.training.learning;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.course.CourseService;
import tw.training.enrollment.EnrollmentRef;
import tw.training.enrollment.EnrollmentService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Who studied what: one learner's activity (the learner, the course's trainers, admins) and a cohort's (trainers, admins). */
@Singleton
public class ActivityService {

    private final ActivityRepository activity;
    private final MaterialRepository materials;
    private final EnrollmentService enrollments;
    private final CourseService courses;

    ActivityService(ActivityRepository activity, MaterialRepository materials, EnrollmentService enrollments, CourseService courses) {
        this.activity = activity;
        this.materials = materials;
        this.enrollments = enrollments;
        this.courses = courses;
    }

    /** Three queries: the per-module counts, the revision's materials, the learner's done rows. */
    @ReadOnly
    public ActivityViews.Enrollment ofEnrollment(long enrollmentId, Actor actor) {
        EnrollmentRef enrollment = enrollments.requireVisible(enrollmentId, actor);
        Map<Long, Instant> done = activity.ofEnrollment(enrollmentId).stream().collect(Collectors.toMap(MaterialDone::materialId, MaterialDone::doneAt));
        Map<Long, List<ActivityViews.Item>> items = materials.ofRevision(enrollment.revisionId()).stream().collect(Collectors.groupingBy(
                Material::moduleId, LinkedHashMap::new, Collectors.mapping(m -> new ActivityViews.Item(m.id(), m.kind(), m.title(), done.get(m.id())),
                        Collectors.toList())));
        List<ActivityRepository.ModuleShare> shares = activity.ofEnrollmentByModule(enrollmentId);
        return summary(enrollment.id(), enrollment.learner(), shares.isEmpty() ? enrollment.learner() : shares.get(0).displayName(), shares,
                share -> items.getOrDefault(share.moduleId(), List.of()));
    }

    /** One query for the whole cohort (learners not withdrawn), whatever its size. */
    @ReadOnly
    public ActivityViews.Cohort ofCourse(long courseId, Actor actor) {
        courses.requireTrainer(courseId, actor);
        Map<Long, List<ActivityRepository.ModuleShare>> byEnrollment = activity.cohort(courseId).stream()
                .collect(Collectors.groupingBy(ActivityRepository.ModuleShare::enrollmentId, LinkedHashMap::new, Collectors.toList()));
        List<ActivityViews.Enrollment> learners = new ArrayList<>();
        byEnrollment.forEach((id, shares) -> learners.add(summary(id, shares.get(0).learner(), shares.get(0).displayName(), shares, share -> null)));
        long all = learners.stream().mapToLong(ActivityViews.Enrollment::materials).sum();
        long studied = learners.stream().mapToLong(ActivityViews.Enrollment::studied).sum();
        return new ActivityViews.Cohort(courseId, learners.size(), all, studied, ActivityViews.share(studied, all), learners);
    }

    private static ActivityViews.Enrollment summary(long enrollmentId, String learner, String displayName, List<ActivityRepository.ModuleShare> shares,
                                                    java.util.function.Function<ActivityRepository.ModuleShare, List<ActivityViews.Item>> items) {
        List<ActivityViews.Module> modules = shares.stream().filter(s -> s.moduleId() != null).map(s -> new ActivityViews.Module(s.moduleId(), s.position(), s.title(), s.materials(),
                s.studied(), ActivityViews.share(s.studied(), s.materials()), items.apply(s))).toList();
        long all = modules.stream().mapToLong(ActivityViews.Module::materials).sum();
        long studied = modules.stream().mapToLong(ActivityViews.Module::studied).sum();
        return new ActivityViews.Enrollment(enrollmentId, learner, displayName, all, studied, ActivityViews.share(studied, all), modules);
    }
}
