package tw.training.enrollment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** SPEC §4: an enrollment as its learner, the course's trainers and admins see it. */
@Serdeable
public record EnrollmentView(long id, Course course, Learner learner, EnrollmentStatus status, int revision,
                             Instant enrolledAt, @Nullable Instant completedAt, @Nullable Instant withdrawnAt) {

    @Serdeable
    public record Course(long id, String code, String title) {
    }

    @Serdeable
    public record Learner(String username, String displayName) {
    }
}
