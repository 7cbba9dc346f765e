package tw.training.revision;

/** A learner's move was reverted: the learner is back on the revision they came from. */
public record MoveReverted(long moveId) {
}
