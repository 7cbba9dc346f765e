package tw.training.enrollment;

/** SPEC §4 statuses of an enrollment. */
public enum EnrollmentStatus { ACTIVE, WITHDRAWN, COMPLETED }
