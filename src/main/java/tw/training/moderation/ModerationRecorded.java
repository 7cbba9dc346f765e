package tw.training.moderation;

/**
 * Something moderation recorded, published in the transaction that recorded it (the transparency log makes it a leaf):
 * a sample drawn (the sample's id), a second marking or a resolution (the item's id).
 */
public record ModerationRecorded(Kind kind, long id) {

    /** What was recorded. */
    public enum Kind {
        SAMPLE_DRAWN, SECOND_MARKING, RESOLUTION
    }
}
