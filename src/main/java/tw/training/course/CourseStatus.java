package tw.training.course;

/** SPEC §3: a course is a DRAFT until its first plan is published, then PUBLISHED, until ARCHIVED. */
public enum CourseStatus { DRAFT, PUBLISHED, ARCHIVED }
