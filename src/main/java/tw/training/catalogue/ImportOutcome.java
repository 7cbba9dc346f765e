package tw.training.catalogue;

/** What an import did. */
public enum ImportOutcome {
    /** The document is new and is now in the catalogue. */
    IMPORTED,
    /** The same content was already there under that code; nothing changed. */
    UNCHANGED
}
