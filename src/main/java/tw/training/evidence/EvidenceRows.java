package tw.training.evidence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import tw.training.course.AssessmentMethod;
import tw.training.database.Sql;
import tw.training.evidence.storage.StagedFile;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Evidence, its files and judgements in plain SQL, in the caller's transaction. */
@Singleton
class EvidenceRows {

    private final JdbcOperations jdbc;
    private final Sql sql;

    EvidenceRows(JdbcOperations jdbc, Sql sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    /** The header of a piece of evidence with what access checks need. */
    record Header(long id, long enrollmentId, long courseId, long learnerId, AssessmentMethod method, String title,
                  @Nullable String description, EvidenceStatus status, Instant submittedAt, @Nullable Instant withdrawnAt) {
    }

    /** A stored file of a piece of evidence. */
    record FileRow(long id, long evidenceId, String storageKey, String filename, String contentType, long size, String sha256) {
    }

    long insert(long enrollmentId, AssessmentMethod method, String title, @Nullable String description,
                Collection<Long> indicatorIds, List<StagedFile> files, List<String> keys, Instant now) {
        return jdbc.execute(connection -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO evidence (enrollment_id, method, title,"
                    + " description, status, submitted_at) VALUES (?, ?, ?, ?, 'SUBMITTED', ?)", new String[] {"evidence_id"})) {
                insert.setLong(1, enrollmentId);
                insert.setString(2, method.name());
                insert.setString(3, title);
                insert.setString(4, description);
                insert.setTimestamp(5, Timestamp.from(now));
                insert.executeUpdate();
                try (ResultSet keysOf = insert.getGeneratedKeys()) {
                    keysOf.next();
                    id = keysOf.getLong(1);
                }
            }
            try (PreparedStatement claim = connection.prepareStatement("INSERT INTO evidence_indicator (evidence_id, indicator_id) VALUES (?, ?)")) {
                for (long indicatorId : indicatorIds) {
                    claim.setLong(1, id);
                    claim.setLong(2, indicatorId);
                    claim.addBatch();
                }
                claim.executeBatch();
            }
            try (PreparedStatement file = connection.prepareStatement("INSERT INTO evidence_file (evidence_id, storage_key, filename,"
                    + " content_type, size_bytes, sha256) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < files.size(); i++) {
                    file.setLong(1, id);
                    file.setString(2, keys.get(i));
                    file.setString(3, files.get(i).filename());
                    file.setString(4, files.get(i).contentType());
                    file.setLong(5, files.get(i).size());
                    file.setString(6, files.get(i).sha256());
                    file.addBatch();
                }
                file.executeBatch();
            }
            return id;
        });
    }

    Optional<Header> header(long evidenceId) {
        return headers("WHERE v.evidence_id = ?", List.of(evidenceId)).stream().findFirst();
    }

    /** The evidence of enrollments, oldest first. */
    List<Header> ofEnrollments(Collection<Long> enrollmentIds) {
        if (enrollmentIds.isEmpty()) {
            return List.of();
        }
        return headers("WHERE v.enrollment_id IN (" + Sql.placeholders(enrollmentIds.size()) + ") ORDER BY v.submitted_at, v.evidence_id",
                List.copyOf(enrollmentIds));
    }

    /** The evidence a learner submitted, in any course, oldest first. */
    List<Header> ofLearner(long learnerId) {
        return headers("WHERE e.learner_id = ? ORDER BY v.submitted_at, v.evidence_id", List.of(learnerId));
    }

    /** The headers of many pieces of evidence in one query. */
    Map<Long, Header> headers(Collection<Long> evidenceIds) {
        Map<Long, Header> headers = new LinkedHashMap<>();
        if (!evidenceIds.isEmpty()) {
            headers("WHERE v.evidence_id IN (" + Sql.placeholders(evidenceIds.size()) + ")", List.copyOf(evidenceIds))
                    .forEach(header -> headers.put(header.id(), header));
        }
        return headers;
    }

    private List<Header> headers(String where, List<Object> parameters) {
        return sql.query("SELECT v.*, e.course_id, e.learner_id FROM evidence v JOIN enrollment e ON e.enrollment_id = v.enrollment_id "
                + where, parameters, row -> new Header(row.getLong("evidence_id"), row.getLong("enrollment_id"), row.getLong("course_id"),
                row.getLong("learner_id"), AssessmentMethod.valueOf(row.getString("method")), row.getString("title"),
                row.getString("description"), EvidenceStatus.valueOf(row.getString("status")),
                row.getTimestamp("submitted_at").toInstant(), instant(row.getTimestamp("withdrawn_at"))));
    }

    /** Claimed indicators per evidence, as id (e.g. KPS5294-001v4:P2.3.1) to indicator row id. */
    Map<Long, Map<String, Long>> claims(Collection<Long> evidenceIds) {
        Map<Long, Map<String, Long>> claims = new LinkedHashMap<>();
        if (evidenceIds.isEmpty()) {
            return claims;
        }
        sql.query("SELECT c.evidence_id, c.indicator_id, s.code AS standard_code, i.code FROM evidence_indicator c"
                + " JOIN indicator i ON i.indicator_id = c.indicator_id JOIN standard s ON s.standard_id = i.standard_id"
                + " WHERE c.evidence_id IN (" + Sql.placeholders(evidenceIds.size()) + ") ORDER BY s.code, i.task_id, i.sort_order",
                List.copyOf(evidenceIds), row -> claims.computeIfAbsent(row.getLong("evidence_id"), key -> new LinkedHashMap<>())
                        .put(row.getString("standard_code") + ":" + row.getString("code"), row.getLong("indicator_id")));
        return claims;
    }

    /** The row id of one indicator the evidence claims, by its id ("KPS5294-001v4:P2.3.1"), if it claims it. */
    Optional<Long> claim(long evidenceId, String indicator) {
        int colon = indicator.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return sql.query("SELECT c.indicator_id FROM evidence_indicator c JOIN indicator i ON i.indicator_id = c.indicator_id"
                + " JOIN standard s ON s.standard_id = i.standard_id WHERE c.evidence_id = ? AND s.code = ? AND i.code = ?",
                List.of(evidenceId, indicator.substring(0, colon), indicator.substring(colon + 1)), row -> row.getLong(1)).stream().findFirst();
    }

    List<FileRow> files(long evidenceId) {
        return sql.query("SELECT * FROM evidence_file WHERE evidence_id = ? ORDER BY evidence_file_id", List.of(evidenceId), EvidenceRows::file);
    }

    /** Every file of every evidence, a page at a time in id order: those after {@code afterId}, at most {@code limit}. */
    List<FileRow> filesAfter(long afterId, int limit) {
        return sql.query("SELECT * FROM evidence_file WHERE evidence_file_id > ? ORDER BY evidence_file_id FETCH FIRST " + limit + " ROWS ONLY",
                List.of(afterId), EvidenceRows::file);
    }

    private static FileRow file(ResultSet row) throws SQLException {
        return new FileRow(row.getLong("evidence_file_id"), row.getLong("evidence_id"), row.getString("storage_key"), row.getString("filename"),
                row.getString("content_type"), row.getLong("size_bytes"), row.getString("sha256"));
    }

    private static final String JUDGEMENT_VIEW = "SELECT j.*, s.code AS standard_code, i.code, u.username FROM judgement j"
            + " JOIN indicator i ON i.indicator_id = j.indicator_id JOIN standard s ON s.standard_id = i.standard_id"
            + " JOIN app_user u ON u.user_id = j.assessor_id";

    /** The files of many pieces of evidence in one query, by evidence. */
    Map<Long, List<FileRow>> files(Collection<Long> evidenceIds) {
        Map<Long, List<FileRow>> files = new LinkedHashMap<>();
        if (!evidenceIds.isEmpty()) {
            sql.query("SELECT * FROM evidence_file WHERE evidence_id IN (" + Sql.placeholders(evidenceIds.size()) + ") ORDER BY evidence_file_id",
                    List.copyOf(evidenceIds), EvidenceRows::file).forEach(file -> files.computeIfAbsent(file.evidenceId(), id -> new ArrayList<>()).add(file));
        }
        return files;
    }

    /** The judgements of many pieces of evidence in one query, by evidence, oldest first. */
    Map<Long, List<Views.Judgement>> judgements(Collection<Long> evidenceIds) {
        Map<Long, List<Views.Judgement>> judgements = new LinkedHashMap<>();
        if (!evidenceIds.isEmpty()) {
            sql.query(JUDGEMENT_VIEW + " WHERE j.evidence_id IN (" + Sql.placeholders(evidenceIds.size()) + ") ORDER BY j.judged_at, j.judgement_id",
                    List.copyOf(evidenceIds), EvidenceRows::judgement)
                    .forEach(judgement -> judgements.computeIfAbsent(judgement.evidenceId(), id -> new ArrayList<>()).add(judgement));
        }
        return judgements;
    }

    List<Views.Judgement> judgements(long evidenceId) {
        return sql.query(JUDGEMENT_VIEW + " WHERE j.evidence_id = ? ORDER BY j.judged_at, j.judgement_id", List.of(evidenceId),
                EvidenceRows::judgement);
    }

    private static Views.Judgement judgement(ResultSet row) throws SQLException {
        return new Views.Judgement(row.getLong("judgement_id"), row.getLong("evidence_id"), row.getString("standard_code") + ":" + row.getString("code"),
                Outcome.valueOf(row.getString("outcome")), row.getString("comment"), row.getString("username"),
                row.getTimestamp("judged_at").toInstant());
    }

    /** Appends one judgement; answers its id. */
    long insertJudgement(NewJudgement judgement, long assessorId, Instant now) {
        return jdbc.execute(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO judgement (evidence_id, indicator_id, outcome,"
                    + " comment, assessor_id, judged_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"judgement_id"})) {
                insert.setLong(1, judgement.evidenceId());
                insert.setLong(2, judgement.indicatorId());
                insert.setString(3, judgement.outcome().name());
                insert.setString(4, judgement.comment());
                insert.setLong(5, assessorId);
                insert.setTimestamp(6, Timestamp.from(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    boolean judged(long evidenceId) {
        return !sql.query("SELECT 1 FROM judgement WHERE evidence_id = ?", List.of(evidenceId), row -> true).isEmpty();
    }

    /** Appends judgements in one batch: evidence id, indicator row id, outcome, comment. */
    void insertJudgements(List<NewJudgement> judgements, long assessorId, Instant now) {
        jdbc.execute(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO judgement (evidence_id, indicator_id, outcome,"
                    + " comment, assessor_id, judged_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                Timestamp at = Timestamp.from(now);
                for (NewJudgement judgement : judgements) {
                    insert.setLong(1, judgement.evidenceId());
                    insert.setLong(2, judgement.indicatorId());
                    insert.setString(3, judgement.outcome().name());
                    insert.setString(4, judgement.comment());
                    insert.setLong(5, assessorId);
                    insert.setTimestamp(6, at);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    record NewJudgement(long evidenceId, long indicatorId, Outcome outcome, @Nullable String comment) {
    }

    void withdraw(long evidenceId, Instant now) {
        sql.update("UPDATE evidence SET status = 'WITHDRAWN', withdrawn_at = ? WHERE evidence_id = ?", Timestamp.from(now), evidenceId);
    }

    /**
     * Submitted evidence of a course with claimed indicators no judgement exists for, oldest first.
     */
    List<Views.Awaiting> awaiting(long courseId, @Nullable AssessmentMethod method, @Nullable String learner,
                                  @Nullable String indicator, int limit) {
        StringBuilder select = new StringBuilder("SELECT v.evidence_id, v.enrollment_id, u.username, v.method, v.title, v.submitted_at,"
                + " s.code AS standard_code, i.code FROM evidence v JOIN enrollment e ON e.enrollment_id = v.enrollment_id"
                + " JOIN app_user u ON u.user_id = e.learner_id JOIN evidence_indicator c ON c.evidence_id = v.evidence_id"
                + " JOIN indicator i ON i.indicator_id = c.indicator_id JOIN standard s ON s.standard_id = i.standard_id"
                + " WHERE e.course_id = ? AND v.status = 'SUBMITTED' AND e.status <> 'WITHDRAWN'"
                + " AND NOT EXISTS (SELECT 1 FROM judgement j WHERE j.evidence_id = c.evidence_id AND j.indicator_id = c.indicator_id)");
        List<Object> parameters = new ArrayList<>(List.of(courseId));
        if (method != null) {
            select.append(" AND v.method = ?");
            parameters.add(method.name());
        }
        if (learner != null) {
            select.append(" AND u.username = ?");
            parameters.add(learner);
        }
        if (indicator != null && indicator.contains(":")) {
            select.append(" AND s.code = ? AND i.code = ?");
            parameters.add(indicator.substring(0, indicator.indexOf(':')));
            parameters.add(indicator.substring(indicator.indexOf(':') + 1));
        }
        select.append(" ORDER BY v.submitted_at, v.evidence_id, s.code, i.task_id, i.sort_order");
        Map<Long, Views.Awaiting> queue = new LinkedHashMap<>();
        sql.query(select.toString(), parameters, row -> {
            long id = row.getLong("evidence_id");
            Views.Awaiting entry = queue.computeIfAbsent(id, key -> {
                try {
                    return new Views.Awaiting(id, row.getLong("enrollment_id"), row.getString("username"),
                            AssessmentMethod.valueOf(row.getString("method")), row.getString("title"),
                            row.getTimestamp("submitted_at").toInstant(), new ArrayList<>());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            entry.unjudgedIndicators().add(row.getString("standard_code") + ":" + row.getString("code"));
            return null;
        });
        return queue.values().stream().limit(limit).toList();
    }

    /** Which of these storage keys some evidence refers to. */
    Set<String> referenced(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(sql.query("SELECT storage_key FROM evidence_file WHERE storage_key IN (" + Sql.placeholders(keys.size()) + ")",
                List.copyOf(keys), row -> row.getString(1)));
    }

    private static Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
