package tw.training.catalogue.document;

/** The three kinds of iCAP document, named as SPEC §2 names them. */
public enum DocumentKind {
    /** 職能基準 */
    STANDARD,
    /** 職能模型 */
    MODEL,
    /** 職能單元 */
    UNIT
}
