package tw.training.evidence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import tw.training.course.AssessmentMethod;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of {@code evidence}: a piece a learner submitted by one method; its claims and files are rows of their own.
 *
 * @param performedOn when the work was performed, as the learner states it; null: the day it was submitted
 */
@MappedEntity("evidence")
record EvidenceRow(@Id @GeneratedValue @MappedProperty("evidence_id") @Nullable Long id, long enrollmentId, AssessmentMethod method,
                   String title, @Nullable String description, EvidenceStatus status, Instant submittedAt, @Nullable Instant withdrawnAt,
                   @Nullable String submissionKey, @Nullable LocalDate performedOn) {
}
