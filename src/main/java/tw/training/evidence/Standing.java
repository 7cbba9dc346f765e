package tw.training.evidence;

/**
 * What counts of what moves wrote (issue 35): a judgement a learner's move carried, and a claim it added, count while
 * the move stands. Judgements are never deleted, so a reverted move's stay (with the claims they rest on), counting
 * for nothing; ordinary judgements and claims (no move) pass at the first test.
 */
public final class Standing {

    /** The condition on a judgement aliased {@code j}. */
    public static final String JUDGEMENT = of("j");

    /** The condition on a claim aliased {@code c}. */
    public static final String CLAIM = "(c.move_id IS NULL OR NOT EXISTS (SELECT 1 FROM learner_move m WHERE m.move_id = c.move_id"
            + " AND m.reverted_at IS NOT NULL))";

    /** The condition on a judgement or a claim (both have {@code move_id}) aliased {@code alias}. */
    public static String of(String alias) {
        return "(" + alias + ".move_id IS NULL OR NOT EXISTS (SELECT 1 FROM learner_move m WHERE m.move_id = " + alias + ".move_id"
                + " AND m.reverted_at IS NOT NULL))";
    }

    private Standing() {
    }
}
