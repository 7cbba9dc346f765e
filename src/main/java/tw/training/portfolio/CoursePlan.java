package tw.training.portfolio;

import tw.training.course.AssessmentMethod;
import tw.training.course.CourseView;
import tw.training.evidence.EvidenceStatus;
import tw.training.evidence.Outcome;
import tw.training.evidence.Views;
import tw.training.progress.ProgressView;
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
public record CoursePlan(ProgressView progress, List<Task> tasks) {

    public record Task(String id, String title, Integer level, int met, int total, List<Indicator> indicators) {
    }

    public record Indicator(String id, String code, String text, List<AssessmentMethod> required, boolean met, List<Met> metBy,
                     List<AssessmentMethod> missing, List<Evidence> awaiting, List<NotYet> notYet) {
    }

    public record Met(AssessmentMethod method, long evidenceId, String evidenceTitle, String assessor, Instant judgedAt, String comment) {
    }

    public record Evidence(long id, String title, AssessmentMethod method) {
    }

    public record NotYet(long evidenceId, String evidenceTitle, String assessor, Instant judgedAt, String comment) {
    }

    static CoursePlan of(ProgressView progress, CourseView course, List<Views.Evidence> evidence) {
        Map<String, Integer> levels = new HashMap<>();
        course.alignments().forEach(alignment -> levels.put(alignment.taskId(), alignment.level()));
        Map<Long, Views.Judgement> judgements = new HashMap<>();
        Map<Long, Views.Evidence> byId = new HashMap<>();
        for (Views.Evidence piece : evidence) {
            byId.put(piece.id(), piece);
            piece.judgements().forEach(judgement -> judgements.put(judgement.id(), judgement));
        }
        Map<String, List<Indicator>> byTask = new LinkedHashMap<>();
        for (ProgressView.IndicatorProgress indicator : progress.indicators()) {
            byTask.computeIfAbsent(indicator.task(), task -> new ArrayList<>()).add(indicator(indicator, evidence, byId, judgements));
        }
        List<Task> tasks = progress.tasks().stream().map(task -> new Task(task.id(), task.title(), levels.get(task.id()), task.indicatorsMet(),
                task.indicatorsTotal(), byTask.getOrDefault(task.id(), List.of()))).toList();
        return new CoursePlan(progress, tasks);
    }

    private static Indicator indicator(ProgressView.IndicatorProgress indicator, List<Views.Evidence> evidence, Map<Long, Views.Evidence> byId,
                                       Map<Long, Views.Judgement> judgements) {
        List<Met> metBy = new ArrayList<>();
        for (Satisfaction reason : indicator.satisfiedBy()) {
            Views.Judgement judgement = judgements.get(reason.judgementId());
            Views.Evidence piece = byId.get(reason.evidenceId());
            metBy.add(new Met(reason.method(), reason.evidenceId(), piece == null ? "" : piece.title(), reason.assessor(), reason.judgedAt(),
                    judgement == null || judgement.comment() == null ? "" : judgement.comment()));
        }
        List<Evidence> awaiting = new ArrayList<>();
        List<NotYet> notYet = new ArrayList<>();
        for (Views.Evidence piece : evidence) {
            if (piece.status() != EvidenceStatus.SUBMITTED || !piece.indicators().contains(indicator.id())) {
                continue;
            }
            Views.Judgement latest = null;
            for (Views.Judgement judgement : piece.judgements()) {
                if (judgement.indicator().equals(indicator.id()) && (latest == null || judgement.judgedAt().isAfter(latest.judgedAt()))) {
                    latest = judgement;
                }
            }
            if (latest == null) {
                awaiting.add(new Evidence(piece.id(), piece.title(), piece.method()));
            } else if (latest.outcome() == Outcome.NOT_YET && !indicator.met()) {
                notYet.add(new NotYet(piece.id(), piece.title(), latest.assessor(), latest.judgedAt(), latest.comment() == null ? "" : latest.comment()));
            }
        }
        String code = indicator.id().substring(indicator.id().indexOf(':') + 1);
        return new Indicator(indicator.id(), code, indicator.text(), indicator.requiredMethods(), indicator.met(), metBy, indicator.missing(),
                awaiting, notYet);
    }
}
