package tw.training.enrollment;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** An enrollment with its learner's and course's names, read in one join: what {@link EnrollmentRef} and the view need. */
@Introspected
record EnrollmentListing(long enrollmentId, long courseId, long revisionId, long learnerId, EnrollmentStatus status, Instant enrolledAt,
                         @Nullable Instant completedAt, @Nullable Instant withdrawnAt, String username, String displayName, String code,
                         String title, int revisionNumber) {

    EnrollmentRef ref() {
        return new EnrollmentRef(enrollmentId, courseId, revisionId, learnerId, username, status);
    }

    EnrollmentView view() {
        return new EnrollmentView(enrollmentId, new EnrollmentView.Course(courseId, code, title), new EnrollmentView.Learner(username, displayName),
                status, revisionNumber, enrolledAt, completedAt, withdrawnAt);
    }
}
