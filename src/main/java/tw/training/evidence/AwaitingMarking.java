package tw.training.evidence;

/**
 * The machine recorded a written test's evidence with indicators it could not judge (short answers): an assessor must.
 * Published in the transaction that recorded it.
 */
public record AwaitingMarking(long evidenceId, long enrollmentId, String title, int indicators) {
}
