package tw.training.portfolio;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.enrollment.EnrollmentService;
import tw.training.progress.OpenClaim;
import tw.training.progress.ProgressService;

import java.util.List;

/**
 * Reads what the learner's course page shows from the services that own it, in one read-only transaction (one
 * connection, one snapshot) and with one access check: the enrollment, its progress, its tasks' levels, the notes
 * of the judgements that met it and the claims still open. Transactions and checks of their own for each cost more
 * than the reads themselves, and the page must stay within twice the time of the progress API (PageBenchmark).
 */
@Singleton
class CoursePlans {

    private final EnrollmentService enrollments;
    private final ProgressService progress;

    CoursePlans(EnrollmentService enrollments, ProgressService progress) {
        this.enrollments = enrollments;
        this.progress = progress;
    }

    @ReadOnly
    CoursePlan of(long enrollmentId, Actor actor) {
        // seen once here: the reads below are all of this enrollment
        EnrollmentService.Visible enrollment = enrollments.requireVisibleView(enrollmentId, actor);
        ProgressService.Explained explained = progress.explained(enrollment);
        // the page lists open claims only under indicators not yet met: a plan met in full has none to read
        List<OpenClaim> open = explained.progress().summary().complete() ? List.of() : progress.openClaims(enrollment);
        return CoursePlan.of(enrollment.view(), explained.progress(), enrollments.taskLevels(enrollment), explained.notes(), open);
    }
}
