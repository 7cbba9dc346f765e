package tw.training.progress;

import io.micronaut.serde.annotation.Serdeable;
import tw.training.course.AssessmentMethod;

import java.time.Instant;

/** Why a method counts as satisfied for an indicator: the evidence and its latest judgement, which is MET. */
@Serdeable
public record Satisfaction(AssessmentMethod method, long evidenceId, long judgementId, String assessor, Instant judgedAt) {
}
