package tw.training.course;

import io.micronaut.core.annotation.Introspected;

/** A module as other features see it: the course and revision it belongs to, and whether that revision is still a draft. */
@Introspected
public record ModuleRef(long id, long courseId, long revisionId, int revisionNumber, RevisionStatus revisionStatus, String title) {
}
