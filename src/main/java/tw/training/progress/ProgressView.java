package tw.training.progress;

import io.micronaut.serde.annotation.Serdeable;
import tw.training.course.AssessmentMethod;

import java.util.List;

/** SPEC §5: an enrollment's progress, indicator by indicator, task by task, and in sum. */
@Serdeable
public record ProgressView(long enrollmentId, Course course, Learner learner, List<IndicatorProgress> indicators,
                           List<TaskProgress> tasks, Summary summary) {

    @Serdeable
    public record Course(long id, String code, String title) {
    }

    @Serdeable
    public record Learner(String username, String displayName) {
    }

    /**
     * @param satisfiedBy the evidence and judgement behind each satisfied method
     * @param missing     the required methods no MET judgement stands for yet
     * @param rules       the four rules of evidence and what satisfied each
     */
    @Serdeable
    public record IndicatorProgress(String id, String text, String task, List<AssessmentMethod> requiredMethods,
                                    List<AssessmentMethod> satisfiedMethods, boolean met, List<Satisfaction> satisfiedBy,
                                    List<AssessmentMethod> missing, RulesOfEvidence rules) {
    }

    @Serdeable
    public record TaskProgress(String id, String title, int indicatorsMet, int indicatorsTotal, boolean met) {
    }

    @Serdeable
    public record Summary(int indicatorsMet, int indicatorsTotal, int percent, boolean complete) {

        public static Summary of(int met, int total) {
            return new Summary(met, total, total == 0 ? 0 : met * 100 / total, total > 0 && met == total);
        }
    }
}
