package tw.training.course;

import java.util.Set;

/**
 * One indicator of a revision's assessment plan, for features that check claims and judgements against it.
 *
 * @param id     e.g. KPS5294-001v4:P2.3.1
 * @param taskId e.g. KPS5294-001v4:T2.3
 */
public record PlanEntry(long indicatorId, String id, String text, String taskId, String taskTitle, Set<AssessmentMethod> methods) {
}
