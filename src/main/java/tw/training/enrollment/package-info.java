/**
 * Learners in courses: an enrollment joins a published course at its current revision and keeps that plan
 * for good. Trainers of the course and admins enroll (one by one or from a CSV of usernames) and withdraw;
 * a learner sees only their own enrollments. Completion is decided by progress, not here.
 */
package tw.training.enrollment;
