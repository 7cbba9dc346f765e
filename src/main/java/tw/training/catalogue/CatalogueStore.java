package tw.training.catalogue;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.catalogue.document.Assessment;
import tw.training.catalogue.document.Attitude;
import tw.training.catalogue.document.Classification;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.Definition;
import tw.training.catalogue.document.Note;
import tw.training.catalogue.document.Responsibility;
import tw.training.catalogue.document.Task;
import tw.training.catalogue.document.Version;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps documents in the catalogue tables. Written in plain SQL that H2 (PostgreSQL mode) and PostgreSQL
 * both run unchanged; a document is written in the caller's transaction, so a failure leaves no row.
 */
@Singleton
class CatalogueStore {

    private static final String SECTION_ASPECT = "EVIDENCE_ASPECT";
    private static final String SECTION_CONTEXT = "CONTEXT";
    private static final String SECTION_METHOD = "METHOD";

    private final JdbcOperations jdbc;

    CatalogueStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @ReadOnly
    Optional<String> findSourceSha256(String code) {
        return jdbc.prepareStatement("SELECT source_sha256 FROM standard WHERE code = ?", statement -> {
            statement.setString(1, code);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
            }
        });
    }

    /** Whether this exact text is in the catalogue already, under any code. */
    @ReadOnly
    boolean holdsText(String sha256) {
        return jdbc.prepareStatement("SELECT 1 FROM standard WHERE source_sha256 = ?", statement -> {
            statement.setString(1, sha256);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }

    @Transactional
    void insert(CompetencyDocument document, String sourceText, String sha256, Instant importedAt) {
        try {
            Connection connection = jdbc.getConnection();
            long standardId = insertStandard(connection, document, sourceText, sha256, importedAt);
            insertVersions(connection, standardId, document.versions());
            insertResponsibilities(connection, standardId, document.responsibilities());
            insertTasks(connection, standardId, document.tasks());
            insertCompetences(connection, standardId, document);
            insertFootnotes(connection, standardId, document);
            insertNotes(connection, standardId, document.notes());
            insertAssessment(connection, standardId, document.assessment());
        } catch (SQLException e) {
            throw new CatalogueStorageException(e);
        }
    }

    private long insertStandard(Connection connection, CompetencyDocument d, String sourceText, String sha256,
                                Instant importedAt) throws SQLException {
        String sql = "INSERT INTO standard (code, kind, name, title, competency_level, field, description,"
                + " job_category_code, job_category_name, occupation_code, occupation_name, industry_code, industry_name,"
                + " source_sha256, source_text, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql, new String[] {"standard_id"})) {
            insert.setString(1, d.code());
            insert.setString(2, d.kind().name());
            insert.setString(3, d.name());
            insert.setString(4, d.title());
            setInteger(insert, 5, d.level());
            insert.setString(6, d.field());
            insert.setString(7, d.description());
            setClassification(insert, 8, d.jobCategory());
            setClassification(insert, 10, d.occupation());
            setClassification(insert, 12, d.industry());
            insert.setString(14, sha256);
            insert.setString(15, sourceText);
            insert.setTimestamp(16, Timestamp.from(importedAt));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertVersions(Connection connection, long standardId, List<Version> versions) throws SQLException {
        String sql = "INSERT INTO standard_version (standard_id, sort_order, version_label, code, name, is_current, issued_on, note)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < versions.size(); i++) {
                Version version = versions.get(i);
                insert.setLong(1, standardId);
                insert.setInt(2, i);
                insert.setString(3, version.version());
                insert.setString(4, version.code());
                insert.setString(5, version.name());
                insert.setBoolean(6, version.current());
                insert.setDate(7, version.date() == null ? null : Date.valueOf(version.date()));
                insert.setString(8, version.note());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertResponsibilities(Connection connection, long standardId, List<Responsibility> responsibilities)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO responsibility (standard_id, code, title, sort_order) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < responsibilities.size(); i++) {
                insert.setLong(1, standardId);
                insert.setString(2, responsibilities.get(i).code());
                insert.setString(3, responsibilities.get(i).title());
                insert.setInt(4, i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertTasks(Connection connection, long standardId, List<Task> tasks) throws SQLException {
        String taskSql = "INSERT INTO task (standard_id, code, title, competency_level, responsibility_code, sort_order)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insertTask = connection.prepareStatement(taskSql, new String[] {"task_id"});
             PreparedStatement insertOutput = connection.prepareStatement(
                     "INSERT INTO work_output (task_id, code, title, sort_order) VALUES (?, ?, ?, ?)");
             PreparedStatement insertIndicator = connection.prepareStatement(
                     "INSERT INTO indicator (standard_id, task_id, code, content, sort_order) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement insertCompetence = connection.prepareStatement(
                     "INSERT INTO task_competence (task_id, code, sort_order) VALUES (?, ?, ?)")) {
            for (int i = 0; i < tasks.size(); i++) {
                Task task = tasks.get(i);
                insertTask.setLong(1, standardId);
                insertTask.setString(2, task.code());
                insertTask.setString(3, task.title());
                setInteger(insertTask, 4, task.level());
                insertTask.setString(5, task.responsibilityCode());
                insertTask.setInt(6, i);
                insertTask.executeUpdate();
                long taskId;
                try (ResultSet keys = insertTask.getGeneratedKeys()) {
                    keys.next();
                    taskId = keys.getLong(1);
                }
                for (int o = 0; o < task.outputs().size(); o++) {
                    insertOutput.setLong(1, taskId);
                    insertOutput.setString(2, task.outputs().get(o).code());
                    insertOutput.setString(3, task.outputs().get(o).title());
                    insertOutput.setInt(4, o);
                    insertOutput.addBatch();
                }
                for (int p = 0; p < task.indicators().size(); p++) {
                    insertIndicator.setLong(1, standardId);
                    insertIndicator.setLong(2, taskId);
                    insertIndicator.setString(3, task.indicators().get(p).code());
                    insertIndicator.setString(4, task.indicators().get(p).text());
                    insertIndicator.setInt(5, p);
                    insertIndicator.addBatch();
                }
                List<String> competences = new ArrayList<>(task.knowledge());
                competences.addAll(task.skills());
                competences.addAll(task.attitudes());
                for (int c = 0; c < competences.size(); c++) {
                    insertCompetence.setLong(1, taskId);
                    insertCompetence.setString(2, competences.get(c));
                    insertCompetence.setInt(3, c);
                    insertCompetence.addBatch();
                }
            }
            insertOutput.executeBatch();
            insertIndicator.executeBatch();
            insertCompetence.executeBatch();
        }
    }

    private static void insertCompetences(Connection connection, long standardId, CompetencyDocument d) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO competence (standard_id, code, category, name, content) VALUES (?, ?, ?, ?, ?)")) {
            for (Definition knowledge : d.knowledge()) {
                addCompetence(insert, standardId, knowledge.code(), "K", null, knowledge.text());
            }
            for (Definition skill : d.skills()) {
                addCompetence(insert, standardId, skill.code(), "S", null, skill.text());
            }
            for (Attitude attitude : d.attitudes()) {
                addCompetence(insert, standardId, attitude.code(), "A", attitude.name(), attitude.description());
            }
            insert.executeBatch();
        }
    }

    private static void addCompetence(PreparedStatement insert, long standardId, String code, String category,
                                      String name, String content) throws SQLException {
        insert.setLong(1, standardId);
        insert.setString(2, code);
        insert.setString(3, category);
        insert.setString(4, name);
        insert.setString(5, content);
        insert.addBatch();
    }

    private static void insertFootnotes(Connection connection, long standardId, CompetencyDocument d) throws SQLException {
        Map<String, List<String>> byItem = new LinkedHashMap<>();
        d.responsibilities().forEach(r -> byItem.put(r.code(), r.footnotes()));
        for (Task task : d.tasks()) {
            byItem.put(task.code(), task.footnotes());
            task.outputs().forEach(o -> byItem.put(o.code(), o.footnotes()));
            task.indicators().forEach(p -> byItem.put(p.code(), p.footnotes()));
        }
        d.knowledge().forEach(k -> byItem.put(k.code(), k.footnotes()));
        d.skills().forEach(s -> byItem.put(s.code(), s.footnotes()));
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO footnote_reference (standard_id, item_code, label, sort_order) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, List<String>> item : byItem.entrySet()) {
                for (int i = 0; i < item.getValue().size(); i++) {
                    insert.setLong(1, standardId);
                    insert.setString(2, item.getKey());
                    insert.setString(3, item.getValue().get(i));
                    insert.setInt(4, i);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void insertNotes(Connection connection, long standardId, List<Note> notes) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO standard_note (standard_id, sort_order, label, content) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < notes.size(); i++) {
                insert.setLong(1, standardId);
                insert.setInt(2, i);
                insert.setString(3, notes.get(i).label());
                insert.setString(4, notes.get(i).text());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertAssessment(Connection connection, long standardId, Assessment assessment) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO assessment_guidance (standard_id, section, sort_order, content) VALUES (?, ?, ?, ?)")) {
            addGuidance(insert, standardId, SECTION_ASPECT, assessment.evidenceAspects());
            addGuidance(insert, standardId, SECTION_CONTEXT, assessment.contexts());
            addGuidance(insert, standardId, SECTION_METHOD, assessment.methods());
            insert.executeBatch();
        }
    }

    private static void addGuidance(PreparedStatement insert, long standardId, String section, List<String> items)
            throws SQLException {
        for (int i = 0; i < items.size(); i++) {
            insert.setLong(1, standardId);
            insert.setString(2, section);
            insert.setInt(3, i);
            insert.setString(4, items.get(i));
            insert.addBatch();
        }
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static void setClassification(PreparedStatement statement, int index, Classification classification)
            throws SQLException {
        statement.setString(index, classification == null ? null : classification.code());
        statement.setString(index + 1, classification == null ? null : classification.name());
    }
}
