package tw.training.revision;

import jakarta.inject.Singleton;
import tw.training.course.AssessmentMethod;
import tw.training.database.Sql;
import tw.training.evidence.Standing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The set-based reads and writes of moving learners, for every learner of a run at once (never one query per learner):
 * plain SQL, as each reads or writes the rows of many enrollments in one statement.
 */
@Singleton
class MoveQueries {

    /** Rows per multi-row statement: far below every driver's parameter limit. */
    private static final int CHUNK = 500;

    private final Sql sql;

    MoveQueries(Sql sql) {
        this.sql = sql;
    }

    /** Locks the enrollments' rows, in id order as the progress ledger does (so a move and a judgement cannot deadlock). */
    void lock(Collection<Long> enrollments) {
        List<Long> ids = enrollments.stream().sorted().toList();
        for (List<Long> chunk : chunks(ids)) {
            sql.query("SELECT enrollment_id FROM enrollment WHERE enrollment_id IN (" + Sql.placeholders(chunk.size())
                    + ") ORDER BY enrollment_id FOR UPDATE", chunk, row -> row.getLong(1));
        }
    }

    /** Per enrollment, what the ledger holds as satisfying each required method of each indicator. */
    Map<Long, List<MovePlanner.Satisfied>> satisfied(List<Long> enrollments) {
        Map<Long, List<MovePlanner.Satisfied>> found = new HashMap<>();
        for (List<Long> chunk : chunks(enrollments)) {
            sql.query("SELECT enrollment_id, indicator_id, method, evidence_id, judgement_id FROM satisfaction WHERE enrollment_id IN ("
                    + Sql.placeholders(chunk.size()) + ")", chunk, row -> found.computeIfAbsent(row.getLong(1), k -> new ArrayList<>())
                    .add(new MovePlanner.Satisfied(row.getLong(2), AssessmentMethod.valueOf(row.getString(3)), row.getLong(4), row.getLong(5))));
        }
        return found;
    }

    /** Per enrollment, the claims of its submitted evidence. */
    Map<Long, List<MovePlanner.Claimed>> claims(List<Long> enrollments) {
        Map<Long, List<MovePlanner.Claimed>> found = new HashMap<>();
        for (List<Long> chunk : chunks(enrollments)) {
            sql.query("SELECT v.enrollment_id, v.evidence_id, v.method, c.indicator_id, " + Standing.CLAIM + " FROM evidence v"
                    + " JOIN evidence_indicator c ON c.evidence_id = v.evidence_id WHERE v.status = 'SUBMITTED' AND v.enrollment_id IN ("
                    + Sql.placeholders(chunk.size()) + ")", chunk, row -> found.computeIfAbsent(row.getLong(1), k -> new ArrayList<>())
                    .add(new MovePlanner.Claimed(row.getLong(2), AssessmentMethod.valueOf(row.getString(3)), row.getLong(4), row.getBoolean(5))));
        }
        return found;
    }

    /** A claim a move adds: the evidence attached to the newer indicator, from the older one. */
    record Attachment(long evidenceId, long indicatorId, long fromIndicatorId, long moveId) {
    }

    void attach(List<Attachment> attachments) {
        for (List<Attachment> chunk : chunks(attachments)) {
            List<Object> parameters = new ArrayList<>(chunk.size() * 4);
            chunk.forEach(a -> parameters.addAll(List.of(a.evidenceId(), a.indicatorId(), a.moveId(), a.fromIndicatorId())));
            sql.update("INSERT INTO evidence_indicator (evidence_id, indicator_id, move_id, moved_from) VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?)")), parameters.toArray());
        }
    }

    /**
     * Claims a reverted move added and could not take back (its judgement rests on them) taken over by a new move, one
     * statement each: only a learner moved, reverted and moved again has any.
     */
    void reattach(List<Attachment> attachments) {
        attachments.forEach(a -> sql.update("UPDATE evidence_indicator SET move_id = ?, moved_from = ? WHERE evidence_id = ? AND indicator_id = ?",
                a.moveId(), a.fromIndicatorId(), a.evidenceId(), a.indicatorId()));
    }

    /** The claims the move added that no judgement rests on, removed (the reversal's). */
    void detach(long moveId) {
        sql.update("DELETE FROM evidence_indicator WHERE move_id = ? AND NOT EXISTS (SELECT 1 FROM judgement j"
                + " WHERE j.evidence_id = evidence_indicator.evidence_id AND j.indicator_id = evidence_indicator.indicator_id)", moveId);
    }

    void setRevision(List<Long> enrollments, long revisionId) {
        for (List<Long> chunk : chunks(enrollments)) {
            List<Object> parameters = new ArrayList<>(List.of(revisionId));
            parameters.addAll(chunk);
            sql.update("UPDATE enrollment SET revision_id = ? WHERE enrollment_id IN (" + Sql.placeholders(chunk.size()) + ")", parameters.toArray());
        }
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
