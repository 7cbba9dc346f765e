package tw.training.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import tw.training.enrollment.EnrollmentStatus;

import java.time.Instant;
import java.util.List;

/** SPEC §5: a course's cohort, one row per enrollment, and how many learners met each indicator. */
@Serdeable
public record CourseProgress(long courseId, String code, String title, List<Row> enrollments, List<IndicatorCount> indicators) {

    @Serdeable
    public record Row(long enrollmentId, ProgressView.Learner learner, EnrollmentStatus status, @Nullable Instant completedAt,
                      ProgressView.Summary summary, List<String> metIndicators) {
    }

    @Serdeable
    public record IndicatorCount(String id, int learnersMet) {
    }
}
