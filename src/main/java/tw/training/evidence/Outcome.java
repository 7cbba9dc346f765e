package tw.training.evidence;

/** SPEC §4: the outcome of judging one claimed indicator of one piece of evidence. */
public enum Outcome { MET, NOT_YET }
