package tw.training.portfolio;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.enrollment.EnrollmentService;
import tw.training.evidence.EvidenceService;
import tw.training.progress.ProgressService;
import tw.training.progress.ProgressView;

/**
 * Reads what the learner's course page shows, from the services that own it, in one read-only transaction: one
 * connection and one snapshot for the enrollment, its progress, its tasks' levels, the notes of the judgements that met it and the claims still open, where four
 * transactions of their own cost more than the reads themselves (the page must stay within twice the progress API).
 */
@Singleton
class CoursePlans {

    private final EnrollmentService enrollments;
    private final ProgressService progress;
    private final EvidenceService evidence;

    CoursePlans(EnrollmentService enrollments, ProgressService progress, EvidenceService evidence) {
        this.enrollments = enrollments;
        this.progress = progress;
        this.evidence = evidence;
    }

    @ReadOnly
    CoursePlan of(long enrollmentId, Actor actor) {
        ProgressView plan = progress.enrollment(enrollmentId, actor);
        return CoursePlan.of(enrollments.get(enrollmentId, actor), plan, enrollments.taskLevels(enrollmentId, actor),
                evidence.notes(enrollmentId, CoursePlan.meetingJudgements(plan), actor), evidence.openClaims(enrollmentId, actor));
    }
}
