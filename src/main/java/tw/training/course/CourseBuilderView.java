package tw.training.course;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A course's plan as its builder page shows it: each aligned task with its planned indicators and their methods. */
public record CourseBuilderView(List<AlignedTask> tasks) {

    /** An aligned task and the indicators of it the plan takes. */
    public record AlignedTask(CourseView.Alignment alignment, List<CourseView.PlannedIndicator> indicators) {
    }

    static List<AlignedTask> of(CourseView course) {
        Map<String, List<CourseView.PlannedIndicator>> byTask = new LinkedHashMap<>();
        course.plan().forEach(indicator -> byTask.computeIfAbsent(indicator.task(), task -> new ArrayList<>()).add(indicator));
        return course.alignments().stream().map(alignment -> new AlignedTask(alignment, byTask.getOrDefault(alignment.taskId(), List.of()))).toList();
    }
}
