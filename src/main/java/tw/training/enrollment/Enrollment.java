package tw.training.enrollment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of {@code enrollment}: a learner in a course, on the published revision they joined. */
@MappedEntity("enrollment")
record Enrollment(@Id @GeneratedValue @MappedProperty("enrollment_id") @Nullable Long id, long courseId, long revisionId, long learnerId,
                  EnrollmentStatus status, Instant enrolledAt, @Nullable Instant completedAt, @Nullable Instant withdrawnAt) {
}
