package tw.training.writtentest;

/** An attempt is OPEN until the learner submits it or its deadline closes it as it stands (TIMED_OUT). */
public enum AttemptStatus { OPEN, SUBMITTED, TIMED_OUT }
