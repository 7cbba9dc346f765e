/**
 * The learner's pages (SPEC §10): their enrollments with progress, a course as the plan they must meet with
 * what is met and what is still missing, submitting evidence, their portfolio and each piece of evidence, and
 * their certificates. The pages call the same services as the API, so the same access rules hold: another
 * learner's enrollment or evidence answers the 404 page.
 */
package tw.training.portfolio;
