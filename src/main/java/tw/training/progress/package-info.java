/**
 * Which behaviour indicators each learner has met, and why (SPEC §5): an indicator is met when, for every
 * method the enrollment's plan requires, some submitted evidence of that method has MET as its latest
 * judgement for the indicator. Computed set-based in SQL over all of an enrollment's or a course's
 * judgements at once; it also marks enrollments complete, and incomplete again, as judgements change.
 */
package tw.training.progress;
