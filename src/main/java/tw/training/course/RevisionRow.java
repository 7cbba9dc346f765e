package tw.training.course;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** A row of course_revision. */
record RevisionRow(long id, long courseId, int number, RevisionStatus status, Instant createdAt, @Nullable Instant publishedAt) {

    CourseView.Revision view() {
        return new CourseView.Revision(id, number, status, createdAt, publishedAt);
    }
}
