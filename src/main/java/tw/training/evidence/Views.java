package tw.training.evidence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import tw.training.course.AssessmentMethod;

import java.time.Instant;
import java.util.List;

/** What the evidence API takes and answers (SPEC §4). */
public final class Views {

    private Views() {
    }

    /** The {@code metadata} part of a submission. */
    @Serdeable
    public record SubmitMetadata(@Nullable String method, @Nullable String title, @Nullable String description,
                                 @Nullable List<String> indicators, @Nullable String submissionKey) {

        public SubmitMetadata(@Nullable String method, @Nullable String title, @Nullable String description, @Nullable List<String> indicators) {
            this(method, title, description, indicators, null);
        }
    }

    @Serdeable
    public record Evidence(long id, long enrollmentId, AssessmentMethod method, String title, @Nullable String description,
                           EvidenceStatus status, List<String> indicators, List<File> files, Instant submittedAt,
                           @Nullable Instant withdrawnAt, List<Judgement> judgements) {
    }

    @Serdeable
    public record File(long id, String filename, long size, String sha256, String contentType) {
    }

    /** A judgement with who made it and when; the latest per evidence and indicator is the one that counts. */
    @Serdeable
    public record Judgement(long id, long evidenceId, String indicator, Outcome outcome, @Nullable String comment,
                            String assessor, Instant judgedAt) {
    }

    /** SPEC §4: {@code POST /api/evidence/{id}/judgements}. */
    @Serdeable
    public record JudgeRequest(@Nullable String indicator, @Nullable String outcome, @Nullable String comment) {
    }

    /** One element of {@code POST /api/courses/{id}/judgements}. */
    @Serdeable
    public record BatchJudgement(@Nullable Long evidenceId, @Nullable String indicator, @Nullable String outcome,
                                 @Nullable String comment) {
    }

    /** A line of the assessors' queue: evidence with claimed indicators nobody has judged yet. */
    @Serdeable
    public record Awaiting(long evidenceId, long enrollmentId, String learner, AssessmentMethod method, String title,
                           Instant submittedAt, List<String> unjudgedIndicators) {
    }
}
