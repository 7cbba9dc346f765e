package tw.training.enrollment;

/** An enrollment as other features (evidence, progress) see it: whose, in which course, on which plan. */
public record EnrollmentRef(long id, long courseId, long revisionId, long learnerId, String learner, EnrollmentStatus status) {
}
