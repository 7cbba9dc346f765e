package tw.training.course;

import io.micronaut.core.annotation.Nullable;

/**
 * A course as other features see it.
 *
 * @param publishedRevisionId the revision new enrollments join; null while nothing is published
 */
public record CourseRef(long id, String code, String title, boolean archived, @Nullable Long publishedRevisionId,
                        @Nullable Integer publishedRevisionNumber) {
}
