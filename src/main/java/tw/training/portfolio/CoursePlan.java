package tw.training.portfolio;

import io.micronaut.core.annotation.Nullable;
import tw.training.course.AssessmentMethod;
import tw.training.enrollment.EnrollmentView;
import tw.training.progress.MetNote;
import tw.training.progress.OpenClaim;
import tw.training.progress.ProgressView;
import tw.training.progress.RulesOfEvidence;
import tw.training.progress.Satisfaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A course as its learner must meet it, answering "what do I still have to do?": task by task (with its level),
 * each indicator with its required methods, the judgements that met it (evidence, assessor, comment) and, for
 * what is missing, the evidence still awaiting judgement and the last "not yet" with its comment.
 */
public record CoursePlan(EnrollmentView enrollment, ProgressView progress, List<Task> tasks) {

    public record Task(String id, String title, Integer level, int met, int total, List<Indicator> indicators) {
    }

    public record Indicator(String id, String code, String text, List<AssessmentMethod> required, boolean met, List<Met> metBy,
                     List<AssessmentMethod> missing, List<Evidence> awaiting, List<NotYet> notYet, RulesOfEvidence rules) {
    }

    /** @param carried the original judgement, when a move carried this one from an older version (issue 35) */
    public record Met(AssessmentMethod method, long evidenceId, String evidenceTitle, String assessor, Instant judgedAt, String comment,
                      @Nullable Satisfaction.Carried carried) {
    }

    /** @param movedFrom the older indicator a move attached the evidence from (issue 35), else null */
    public record Evidence(long id, String title, AssessmentMethod method, @Nullable String movedFrom) {
    }

    public record NotYet(long evidenceId, String evidenceTitle, String assessor, Instant judgedAt, String comment) {
    }

    /**
     * {@code notes}: the evidence title and comment of each judgement that met an indicator; {@code open}: the claims
     * for a method an indicator still needs, awaiting judgement or last judged NOT_YET.
     */
    static CoursePlan of(EnrollmentView enrollment, ProgressView progress, Map<String, Integer> levels, Map<Long, MetNote> notes,
                         List<OpenClaim> open) {
        Map<String, List<OpenClaim>> openByIndicator = new HashMap<>();
        open.forEach(claim -> openByIndicator.computeIfAbsent(claim.indicator(), indicator -> new ArrayList<>()).add(claim));
        Map<String, List<Indicator>> byTask = new LinkedHashMap<>();
        for (ProgressView.IndicatorProgress indicator : progress.indicators()) {
            byTask.computeIfAbsent(indicator.task(), task -> new ArrayList<>())
                    .add(indicator(indicator, notes, openByIndicator.getOrDefault(indicator.id(), List.of())));
        }
        List<Task> tasks = progress.tasks().stream().map(task -> new Task(task.id(), task.title(), levels.get(task.id()), task.indicatorsMet(),
                task.indicatorsTotal(), byTask.getOrDefault(task.id(), List.of()))).toList();
        return new CoursePlan(enrollment, progress, tasks);
    }

    private static Indicator indicator(ProgressView.IndicatorProgress indicator, Map<Long, MetNote> notes, List<OpenClaim> open) {
        List<Met> metBy = new ArrayList<>();
        for (Satisfaction reason : indicator.satisfiedBy()) {
            MetNote note = notes.get(reason.judgementId());
            metBy.add(new Met(reason.method(), reason.evidenceId(), note == null ? "" : note.evidenceTitle(), reason.assessor(), reason.judgedAt(),
                    note == null || note.comment() == null ? "" : note.comment(), reason.carried()));
        }
        List<Evidence> awaiting = new ArrayList<>();
        List<NotYet> notYet = new ArrayList<>();
        for (OpenClaim claim : open) {
            if (claim.awaiting()) {
                awaiting.add(new Evidence(claim.evidenceId(), claim.title(), claim.method(), claim.movedFrom()));
            } else if (!indicator.met()) {
                notYet.add(new NotYet(claim.evidenceId(), claim.title(), claim.assessor(), claim.judgedAt(), claim.comment() == null ? "" : claim.comment()));
            }
        }
        String code = indicator.id().substring(indicator.id().indexOf(':') + 1);
        return new Indicator(indicator.id(), code, indicator.text(), indicator.requiredMethods(), indicator.met(), metBy, indicator.missing(),
                awaiting, notYet, indicator.rules());
    }
}
