package tw.training.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * A row of {@code course_revision}: a course's plan as drafted, published or superseded.
 *
 * @param currencyMonths how long ago a piece's work may have been performed when a MET rests on it (the currency rule)
 */
@MappedEntity("course_revision")
record RevisionRow(@Id @GeneratedValue @MappedProperty("revision_id") @Nullable Long id, long courseId,
                   @MappedProperty("revision_number") int number, RevisionStatus status, Instant createdAt, @Nullable Instant publishedAt,
                   int currencyMonths) {

    /** iCAP accredits for three years: evidence older than that, by default, no longer shows current competence. */
    static final int DEFAULT_CURRENCY_MONTHS = 36;

    CourseView.Revision view() {
        return new CourseView.Revision(id, number, status, createdAt, publishedAt, currencyMonths);
    }
}
