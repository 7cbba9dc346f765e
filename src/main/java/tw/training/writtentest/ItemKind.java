package tw.training.writtentest;

/** The kinds of item a written test draws: three a machine scores, and the short answer an assessor judges. */
public enum ItemKind {
    SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE, SHORT_ANSWER;

    boolean scoredByMachine() {
        return this != SHORT_ANSWER;
    }
}
