package tw.training.certificate;

import io.micronaut.core.annotation.Introspected;

/** A course with enrollments completed and not yet certified: work waiting for an administrator. */
@Introspected
public record AwaitingIssue(long courseId, String code, String title, long awaiting) {
}
