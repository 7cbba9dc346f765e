package tw.training.course;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The plans enrollments are measured against, kept in memory. Safe because an enrollment always points at a
 * revision that was published, and a published revision's plan never changes: a change opens a new draft.
 */
@Singleton
public class EnrolledPlans {

    /** Plans are small (tens to hundreds of indicators); past this many revisions the memory is simply dropped. */
    private static final int LIMIT = 2_000;

    private final CourseService courses;
    private final Map<Long, Plan> byRevision = new ConcurrentHashMap<>();

    EnrolledPlans(CourseService courses) {
        this.courses = courses;
    }

    /**
     * One indicator of a plan, with its methods in order and its id already encoded as a JSON string: a cohort of
     * 10,000 learners writes these ids half a million times.
     */
    public record Indicator(PlanEntry entry, List<AssessmentMethod> methods, SerializableString jsonId) {
    }

    /** A revision's plan in its order, its indicators by indicator id, and its currency window in months. */
    public record Plan(List<PlanEntry> entries, Map<Long, Indicator> byIndicator, int currencyMonths) {

        static Plan of(List<PlanEntry> entries, int currencyMonths) {
            return new Plan(entries, entries.stream().collect(Collectors.toUnmodifiableMap(PlanEntry::indicatorId,
                    entry -> new Indicator(entry, entry.methods().stream().sorted().toList(), new SerializedString(entry.id())))), currencyMonths);
        }

        public int size() {
            return entries.size();
        }

        public Indicator indicator(long indicatorId) {
            return byIndicator.get(indicatorId);
        }
    }

    /** Only for revisions enrollments are on: a draft's plan would be remembered while it still changes. */
    public Plan of(long revisionId) {
        Plan plan = byRevision.get(revisionId);
        if (plan == null) {
            plan = Plan.of(courses.planOf(revisionId), courses.currencyMonths(revisionId));
            if (byRevision.size() >= LIMIT) {
                byRevision.clear();
            }
            byRevision.put(revisionId, plan);
        }
        return plan;
    }
}
