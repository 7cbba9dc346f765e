package tw.training.revision;

/** The two kinds of item a crosswalk maps: tasks (T2.3) and behaviour indicators (P2.3.1). */
public enum ItemKind {
    TASK,
    INDICATOR
}
