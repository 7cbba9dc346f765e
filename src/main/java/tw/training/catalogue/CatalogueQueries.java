package tw.training.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import tw.training.catalogue.document.Assessment;
import tw.training.catalogue.document.Attitude;
import tw.training.catalogue.document.Classification;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.Definition;
import tw.training.catalogue.document.DocumentKind;
import tw.training.catalogue.document.Indicator;
import tw.training.catalogue.document.Note;
import tw.training.catalogue.document.Responsibility;
import tw.training.catalogue.document.Task;
import tw.training.catalogue.document.Version;
import tw.training.catalogue.document.WorkOutput;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads documents back in the shape they were imported in, and lists and searches the catalogue. */
@Singleton
class CatalogueQueries {

    private final JdbcOperations jdbc;

    CatalogueQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param query matched case-insensitively, as a substring, against code, name, title, task titles and
     *              indicator texts (Chinese text matches as it is)
     */
    @ReadOnly
    List<StandardSummary> list(@Nullable DocumentKind kind, @Nullable String query) {
        StringBuilder sql = new StringBuilder("SELECT s.code, s.kind, s.name, s.title, s.competency_level, s.field,"
                + " s.occupation_name, s.imported_at,"
                + " (SELECT COUNT(*) FROM task t WHERE t.standard_id = s.standard_id) AS tasks,"
                + " (SELECT COUNT(*) FROM indicator i WHERE i.standard_id = s.standard_id) AS indicators"
                + " FROM standard s WHERE 1 = 1");
        List<String> parameters = new ArrayList<>();
        if (kind != null) {
            sql.append(" AND s.kind = ?");
            parameters.add(kind.name());
        }
        if (query != null && !query.isBlank()) {
            String pattern = "%" + escapeLike(query.strip().toLowerCase()) + "%";
            sql.append(" AND (LOWER(s.code) LIKE ? ESCAPE '!' OR LOWER(s.name) LIKE ? ESCAPE '!'"
                    + " OR LOWER(s.title) LIKE ? ESCAPE '!'"
                    + " OR EXISTS (SELECT 1 FROM task t WHERE t.standard_id = s.standard_id AND LOWER(t.title) LIKE ? ESCAPE '!')"
                    + " OR EXISTS (SELECT 1 FROM indicator i WHERE i.standard_id = s.standard_id AND LOWER(i.content) LIKE ? ESCAPE '!'))");
            for (int i = 0; i < 5; i++) {
                parameters.add(pattern);
            }
        }
        sql.append(" ORDER BY s.code");
        return jdbc.prepareStatement(sql.toString(), statement -> {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            List<StandardSummary> summaries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    summaries.add(new StandardSummary(rows.getString("code"), DocumentKind.valueOf(rows.getString("kind")),
                            rows.getString("name"), rows.getString("title"), integer(rows, "competency_level"),
                            rows.getString("field"), rows.getString("occupation_name"), rows.getInt("tasks"),
                            rows.getInt("indicators"), rows.getTimestamp("imported_at").toInstant()));
                }
            }
            return summaries;
        });
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    @ReadOnly
    Optional<TaskReference> locateTask(String standardCode, String taskCode) {
        String sql = "SELECT t.task_id, t.title, t.competency_level, i.indicator_id, i.code, i.content FROM task t"
                + " JOIN standard s ON s.standard_id = t.standard_id LEFT JOIN indicator i ON i.task_id = t.task_id"
                + " WHERE s.code = ? AND t.code = ? ORDER BY i.sort_order";
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, standardCode);
            statement.setString(2, taskCode);
            try (ResultSet rows = statement.executeQuery()) {
                TaskReference task = null;
                List<TaskReference.IndicatorReference> indicators = new ArrayList<>();
                while (rows.next()) {
                    if (task == null) {
                        task = new TaskReference(rows.getLong("task_id"), standardCode, taskCode, rows.getString("title"),
                                integer(rows, "competency_level"), indicators);
                    }
                    long indicatorId = rows.getLong("indicator_id");
                    if (!rows.wasNull()) {
                        indicators.add(new TaskReference.IndicatorReference(indicatorId, rows.getString("code"), rows.getString("content")));
                    }
                }
                return Optional.ofNullable(task);
            }
        });
    }

    @ReadOnly
    Optional<CompetencyDocument> find(String code) {
        try {
            Connection connection = jdbc.getConnection();
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM standard WHERE code = ?")) {
                select.setString(1, code);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(document(connection, row)) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new CatalogueStorageException(e);
        }
    }

    private CompetencyDocument document(Connection connection, ResultSet standard) throws SQLException {
        long id = standard.getLong("standard_id");
        Map<String, List<String>> footnotes = footnotes(connection, id);
        Map<String, Definition> knowledge = new LinkedHashMap<>();
        Map<String, Definition> skills = new LinkedHashMap<>();
        List<Attitude> attitudes = new ArrayList<>();
        forEachRow(connection, "SELECT code, category, name, content FROM competence WHERE standard_id = ?", id, row -> {
            String code = row.getString("code");
            switch (row.getString("category")) {
                case "K" -> knowledge.put(code, new Definition(code, row.getString("content"), footnotes.getOrDefault(code, List.of())));
                case "S" -> skills.put(code, new Definition(code, row.getString("content"), footnotes.getOrDefault(code, List.of())));
                default -> attitudes.add(new Attitude(code, row.getString("name"), row.getString("content")));
            }
        });
        return new CompetencyDocument(
                standard.getString("code"), DocumentKind.valueOf(standard.getString("kind")), standard.getString("name"),
                standard.getString("title"), integer(standard, "competency_level"), standard.getString("field"),
                standard.getString("description"),
                classification(standard, "job_category"), classification(standard, "occupation"), classification(standard, "industry"),
                versions(connection, id), responsibilities(connection, id, footnotes), tasks(connection, id, footnotes),
                sortedByNumber(knowledge), sortedByNumber(skills), sortedAttitudes(attitudes), notes(connection, id),
                assessment(connection, id));
    }

    private List<Version> versions(Connection connection, long id) throws SQLException {
        List<Version> versions = new ArrayList<>();
        forEachRow(connection, "SELECT * FROM standard_version WHERE standard_id = ? ORDER BY sort_order", id, row -> {
            Date issued = row.getDate("issued_on");
            versions.add(new Version(row.getString("version_label"), row.getString("code"), row.getString("name"),
                    row.getBoolean("is_current"), issued == null ? null : issued.toLocalDate(), row.getString("note")));
        });
        return versions;
    }

    private List<Responsibility> responsibilities(Connection connection, long id, Map<String, List<String>> footnotes)
            throws SQLException {
        List<Responsibility> responsibilities = new ArrayList<>();
        forEachRow(connection, "SELECT code, title FROM responsibility WHERE standard_id = ? ORDER BY sort_order", id,
                row -> responsibilities.add(new Responsibility(row.getString("code"), row.getString("title"),
                        footnotes.getOrDefault(row.getString("code"), List.of()))));
        return responsibilities;
    }

    private List<Task> tasks(Connection connection, long id, Map<String, List<String>> footnotes) throws SQLException {
        Map<Long, List<WorkOutput>> outputs = new HashMap<>();
        forEachRow(connection, "SELECT o.task_id, o.code, o.title FROM work_output o JOIN task t ON t.task_id = o.task_id"
                + " WHERE t.standard_id = ? ORDER BY o.task_id, o.sort_order", id, row -> outputs
                .computeIfAbsent(row.getLong("task_id"), key -> new ArrayList<>())
                .add(new WorkOutput(row.getString("code"), row.getString("title"), footnotes.getOrDefault(row.getString("code"), List.of()))));
        Map<Long, List<Indicator>> indicators = new HashMap<>();
        forEachRow(connection, "SELECT task_id, code, content FROM indicator WHERE standard_id = ? ORDER BY task_id, sort_order", id,
                row -> indicators.computeIfAbsent(row.getLong("task_id"), key -> new ArrayList<>())
                        .add(new Indicator(row.getString("code"), row.getString("content"), footnotes.getOrDefault(row.getString("code"), List.of()))));
        Map<Long, List<String>> competences = new HashMap<>();
        forEachRow(connection, "SELECT c.task_id, c.code FROM task_competence c JOIN task t ON t.task_id = c.task_id"
                + " WHERE t.standard_id = ? ORDER BY c.task_id, c.sort_order", id,
                row -> competences.computeIfAbsent(row.getLong("task_id"), key -> new ArrayList<>()).add(row.getString("code")));
        List<Task> tasks = new ArrayList<>();
        forEachRow(connection, "SELECT * FROM task WHERE standard_id = ? ORDER BY sort_order", id, row -> {
            long taskId = row.getLong("task_id");
            List<String> codes = competences.getOrDefault(taskId, List.of());
            tasks.add(new Task(row.getString("code"), row.getString("title"), integer(row, "competency_level"),
                    row.getString("responsibility_code"), outputs.getOrDefault(taskId, List.of()),
                    indicators.getOrDefault(taskId, List.of()), category(codes, 'K'), category(codes, 'S'), category(codes, 'A'),
                    footnotes.getOrDefault(row.getString("code"), List.of())));
        });
        return tasks;
    }

    /** A task lists K, S and A codes in one table; the code's letter tells which list it belongs to. */
    private static List<String> category(List<String> codes, char letter) {
        return codes.stream().filter(code -> code.charAt(0) == letter).toList();
    }

    private Map<String, List<String>> footnotes(Connection connection, long id) throws SQLException {
        Map<String, List<String>> footnotes = new HashMap<>();
        forEachRow(connection, "SELECT item_code, label FROM footnote_reference WHERE standard_id = ? ORDER BY item_code, sort_order", id,
                row -> footnotes.computeIfAbsent(row.getString("item_code"), key -> new ArrayList<>()).add(row.getString("label")));
        return footnotes;
    }

    private List<Note> notes(Connection connection, long id) throws SQLException {
        List<Note> notes = new ArrayList<>();
        forEachRow(connection, "SELECT label, content FROM standard_note WHERE standard_id = ? ORDER BY sort_order", id,
                row -> notes.add(new Note(row.getString("label"), row.getString("content"))));
        return notes;
    }

    private Assessment assessment(Connection connection, long id) throws SQLException {
        Map<String, List<String>> sections = new HashMap<>();
        forEachRow(connection, "SELECT section, content FROM assessment_guidance WHERE standard_id = ? ORDER BY section, sort_order", id,
                row -> sections.computeIfAbsent(row.getString("section"), key -> new ArrayList<>()).add(row.getString("content")));
        return new Assessment(sections.getOrDefault("EVIDENCE_ASPECT", List.of()), sections.getOrDefault("CONTEXT", List.of()),
                sections.getOrDefault("METHOD", List.of()));
    }

    private interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    private static void forEachRow(Connection connection, String sql, long standardId, RowConsumer consumer) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, standardId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(rows);
                }
            }
        }
    }

    private static List<Definition> sortedByNumber(Map<String, Definition> definitions) {
        return definitions.values().stream().sorted(Comparator.comparingInt(d -> number(d.code()))).toList();
    }

    private static List<Attitude> sortedAttitudes(List<Attitude> attitudes) {
        return attitudes.stream().sorted(Comparator.comparingInt(a -> number(a.code()))).toList();
    }

    private static int number(String code) {
        return Integer.parseInt(code.replaceAll("\\D", ""));
    }

    private static Classification classification(ResultSet row, String prefix) throws SQLException {
        String code = row.getString(prefix + "_code");
        String name = row.getString(prefix + "_name");
        return code == null && name == null ? null : new Classification(code, name);
    }

    private static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }
}
