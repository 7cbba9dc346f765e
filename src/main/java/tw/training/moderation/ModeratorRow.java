package tw.training.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of {@code course_moderator}: a trainer given the role MODERATOR on one course. */
@MappedEntity("course_moderator")
record ModeratorRow(@Id @GeneratedValue @MappedProperty("moderator_id") @Nullable Long id, long courseId, long userId, long grantedBy,
                    Instant grantedAt) {
}
