/**
 * Which behaviour indicators each learner has met, and why (SPEC §5): an indicator is met when, for every
 * method the enrollment's plan requires, some submitted evidence of that method has MET as its latest
 * judgement for the indicator. {@link tw.training.progress.ProgressLedger} derives it set-based in SQL when
 * judgements are recorded, and marks enrollments complete, and incomplete again; reading progress is then a
 * lookup of one enrollment's satisfactions, or one row per enrollment of a course, which
 * {@link tw.training.progress.CohortJson} writes as it reads.
 */
package tw.training.progress;
