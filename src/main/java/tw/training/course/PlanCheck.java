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
            problems.add(InputError.field("alignments", "course.nothing-aligned-yet-align-least"));
        }
        for (CourseView.Alignment alignment : alignments) {
            if (alignment.indicatorCodes().isEmpty()) {
                problems.add(InputError.field("alignments", "course.has-no-indicator-plan", alignment.taskId()));
            }
        }
        for (CourseView.PlannedIndicator indicator : plan) {
            if (indicator.requiredMethods().isEmpty()) {
                problems.add(InputError.field("plan", "course.has-no-assessment-method", indicator.id()));
            } else if (!indicator.thirdPartyAlone() && indicator.requiredMethods().stream().allMatch(m -> m == AssessmentMethod.THIRD_PARTY_REPORT)) {
                // third-party reports are supplementary: such an indicator could never be met
                problems.add(InputError.field("plan", "course.third-party-alone-not-allowed", indicator.id()));
            }
        }
        Set<String> aligned = alignments.stream().map(CourseView.Alignment::taskId).collect(Collectors.toSet());
        for (int i = 0; i < modules.size(); i++) {
            for (String task : modules.get(i).tasks()) {
                if (!aligned.contains(task)) {
                    problems.add(InputError.field("modules[" + i + "].tasks", "course.module-not-aligned-course", task, modules.get(i).title()));
                }
            }
        }
        return problems;
    }
}
