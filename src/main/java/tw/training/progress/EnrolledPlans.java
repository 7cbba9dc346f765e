package tw.training.progress;

import jakarta.inject.Singleton;
import tw.training.course.AssessmentMethod;
import tw.training.course.CourseService;
import tw.training.course.PlanEntry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The plans enrollments are measured against, kept in memory. Safe because an enrollment always points at a
 * revision that was published, and a published revision's plan never changes: a change opens a new draft.
 */
@Singleton
class EnrolledPlans {

    /** Plans are small (tens to hundreds of indicators); past this many revisions the memory is simply dropped. */
    private static final int LIMIT = 2_000;

    private final CourseService courses;
    private final Map<Long, Plan> byRevision = new ConcurrentHashMap<>();

    EnrolledPlans(CourseService courses) {
        this.courses = courses;
    }

    /** A revision's plan in its order, and its entries by indicator id with their methods in order. */
    record Plan(List<PlanEntry> entries, Map<Long, PlanEntry> byIndicator, Map<Long, List<AssessmentMethod>> methods) {

        static Plan of(List<PlanEntry> entries) {
            return new Plan(entries, entries.stream().collect(Collectors.toUnmodifiableMap(PlanEntry::indicatorId, Function.identity())),
                    entries.stream().collect(Collectors.toUnmodifiableMap(PlanEntry::indicatorId, e -> e.methods().stream().sorted().toList())));
        }

        int size() {
            return entries.size();
        }

        List<AssessmentMethod> requiredMethods(long indicatorId) {
            return methods.get(indicatorId);
        }
    }

    /** Only for revisions enrollments are on: a draft's plan would be remembered while it still changes. */
    Plan of(long revisionId) {
        Plan plan = byRevision.get(revisionId);
        if (plan == null) {
            plan = Plan.of(courses.planOf(revisionId));
            if (byRevision.size() >= LIMIT) {
                byRevision.clear();
            }
            byRevision.put(revisionId, plan);
        }
        return plan;
    }
}
