package tw.training.course;

import jakarta.inject.Singleton;
import tw.training.problem.InputError;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What a plan needs before it can be published (SPEC §3), each failure naming the code at fault. */
@Singleton
class PlanCheck {

    List<InputError> problems(List<CourseView.Alignment> alignments, List<CourseView.PlannedIndicator> plan,
                              List<CourseView.Module> modules) {
        List<InputError> problems = new ArrayList<>();
        if (alignments.isEmpty()) {
            problems.add(InputError.field("alignments", "nothing is aligned yet: align at least one task"));
        }
        for (CourseView.Alignment alignment : alignments) {
            if (alignment.indicatorCodes().isEmpty()) {
                problems.add(InputError.field("alignments", alignment.taskId() + " has no indicator in the plan"));
            }
        }
        for (CourseView.PlannedIndicator indicator : plan) {
            if (indicator.requiredMethods().isEmpty()) {
                problems.add(InputError.field("plan", indicator.id() + " has no assessment method"));
            }
        }
        Set<String> aligned = alignments.stream().map(CourseView.Alignment::taskId).collect(Collectors.toSet());
        for (int i = 0; i < modules.size(); i++) {
            for (String task : modules.get(i).tasks()) {
                if (!aligned.contains(task)) {
                    problems.add(InputError.field("modules[" + i + "].tasks", task + " of module '" + modules.get(i).title()
                            + "' is not aligned to the course"));
                }
            }
        }
        return problems;
    }
}
