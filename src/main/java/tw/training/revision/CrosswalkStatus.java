package tw.training.revision;

/** A crosswalk is proposed (and may be edited) until a person confirms it; a confirmed one never changes. */
public enum CrosswalkStatus {
    PROPOSED,
    CONFIRMED
}
