package tw.training.course;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** A line of a trainer's course list. */
@Serdeable
public record CourseSummary(long id, String code, String title, BigDecimal hours, CourseStatus status, String owner,
                            int revision) {
}
