package tw.training.evidence;

/** Submitted evidence counts; withdrawn evidence (only before any judgement) does not. */
public enum EvidenceStatus { SUBMITTED, WITHDRAWN }
