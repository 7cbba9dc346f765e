package tw.training.revision;

/** What became of an item of the older version in the newer one (training.gov.au's "equivalent or not", CASE's associations). */
public enum Relation {
    /** The same competence, perhaps reworded or renumbered: a MET carries, with provenance. */
    EQUIVALENT,
    /** Part of it is in the newer item (split, narrowed or widened): the evidence goes along, an assessor judges the gap. */
    PARTIAL,
    /** Gone in the newer version: nothing carries. */
    NONE,
    /** In the newer version only: nothing carries to it. */
    NEW
}
