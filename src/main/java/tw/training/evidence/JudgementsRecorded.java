package tw.training.evidence;

import java.util.Set;

/** Judgements were appended for evidence of these enrollments; their progress may have changed. */
public record JudgementsRecorded(Set<Long> enrollmentIds) {
}
