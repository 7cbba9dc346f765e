package tw.training.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of {@code course_revision}: a course's plan as drafted, published or superseded. */
@MappedEntity("course_revision")
record RevisionRow(@Id @GeneratedValue @MappedProperty("revision_id") @Nullable Long id, long courseId,
                   @MappedProperty("revision_number") int number, RevisionStatus status, Instant createdAt, @Nullable Instant publishedAt) {

    CourseView.Revision view() {
        return new CourseView.Revision(id, number, status, createdAt, publishedAt);
    }
}
