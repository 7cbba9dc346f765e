package tw.training.course;

/** A revision is edited as a DRAFT, then PUBLISHED, and SUPERSEDED once a later revision is published. */
public enum RevisionStatus { DRAFT, PUBLISHED, SUPERSEDED }
