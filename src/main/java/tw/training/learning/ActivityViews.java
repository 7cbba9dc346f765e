package tw.training.learning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * Learning activity as the API answers it (SPEC §11): how much of the materials a learner studied, per module and for the
 * course. A share is studied ÷ materials (0 to 1), absent where there is nothing to study. Never evidence of competence.
 */
public final class ActivityViews {

    private ActivityViews() {
    }

    @Serdeable
    public record Enrollment(long enrollmentId, String learner, String displayName, long materials, long studied, @Nullable Double share,
                             List<Module> modules) {
    }

    @Serdeable
    public record Module(long moduleId, int position, String title, long materials, long studied, @Nullable Double share,
                         @Nullable List<Item> items) {
    }

    /** A material and when the learner studied it (absent: not yet). */
    @Serdeable
    public record Item(long materialId, MaterialKind kind, String title, @Nullable Instant doneAt) {
    }

    /** The cohort: per learner as {@link Enrollment} (modules without their items), and the course's share over all of them. */
    @Serdeable
    public record Cohort(long courseId, int learners, long materials, long studied, @Nullable Double share, List<Enrollment> enrollments) {
    }

    static @Nullable Double share(long studied, long materials) {
        return materials == 0 ? null : Math.round(studied * 1000.0 / materials) / 1000.0;
    }
}
