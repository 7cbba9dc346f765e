package tw.training.evidence;

import jakarta.inject.Singleton;
import tw.training.database.Sql;

import java.util.List;

/**
 * Appends many judgements at once (a batch of the grid, a group of closed tests) in multi-row INSERTs rather than the
 * repository's one INSERT a row: a thousand judgements are one statement (issue 36). Single judgements go through
 * {@link JudgementRepository#save}.
 */
@Singleton
class JudgementAppender {

    private static final List<String> COLUMNS = List.of("evidence_id", "indicator_id", "outcome", "comment", "assessor_id", "judged_at",
            "authenticity", "evidence_pieces", "evidence_methods", "rules_overridden", "override_reason");

    private final Sql sql;

    JudgementAppender(Sql sql) {
        this.sql = sql;
    }

    /** The rows as saved, with their ids, in the order given (a later row of one claim is the later judgement). */
    List<JudgementRow> appendAll(List<JudgementRow> rows) {
        long[] ids = sql.insertAll("judgement", "judgement_id", COLUMNS, rows.stream().map(row -> new Object[] {row.evidenceId(),
                row.indicatorId(), row.outcome(), row.comment(), row.assessorId(), row.judgedAt(), row.authenticity(), row.evidencePieces(),
                row.evidenceMethods(), row.rulesOverridden(), row.overrideReason()}).toList());
        return java.util.stream.IntStream.range(0, rows.size()).mapToObj(i -> {
            JudgementRow row = rows.get(i);
            return new JudgementRow(ids[i], row.evidenceId(), row.indicatorId(), row.outcome(), row.comment(), row.assessorId(), row.judgedAt(),
                    row.authenticity(), row.evidencePieces(), row.evidenceMethods(), row.rulesOverridden(), row.overrideReason());
        }).toList();
    }
}
