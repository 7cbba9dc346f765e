package tw.training.transparency;

/** What a leaf of the log records. */
public enum LeafKind {
    JUDGEMENT, EVIDENCE, CERTIFICATE_ISSUED, CERTIFICATE_REVOKED, THIRD_PARTY_REPORT, MODERATION_SAMPLE, SECOND_MARKING, RESOLUTION
}
