package tw.training.course;

import io.micronaut.core.annotation.Nullable;
import tw.training.database.Sql;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Courses, revisions and plans in plain SQL, in the caller's transaction. Reads of a plan join the catalogue
 * tables for codes and texts; the catalogue never changes an imported document, so the join is stable.
 */
@Singleton
class CourseStore {

    private final Sql sql;

    CourseStore(Sql sql) {
        this.sql = sql;
    }

    long insertCourse(String code, String title, @Nullable String description, BigDecimal hours, long ownerId, Instant now) {
        long courseId = sql.insert("INSERT INTO course (code, title, description, hours, owner_id, archived, created_at)"
                + " VALUES (?, ?, ?, ?, ?, FALSE, ?)", "course_id", code, title, description, hours, ownerId, Timestamp.from(now));
        insertRevision(courseId, 1, now);
        return courseId;
    }

    boolean codeTaken(String code) {
        return sql.exists("SELECT 1 FROM course WHERE code = ?", code);
    }

    Optional<CourseRow> findCourse(long courseId) {
        return sql.query("SELECT c.*, u.username FROM course c JOIN app_user u ON u.user_id = c.owner_id WHERE c.course_id = ?",
                List.of(courseId), CourseStore::courseRow).stream().findFirst();
    }

    /** Courses the user owns or is named on; every course when userId is null. */
    List<CourseRow> courses(@Nullable Long userId) {
        String select = "SELECT c.*, u.username FROM course c JOIN app_user u ON u.user_id = c.owner_id"
                + (userId == null ? "" : " WHERE c.owner_id = ? OR EXISTS (SELECT 1 FROM course_trainer t"
                + " WHERE t.course_id = c.course_id AND t.user_id = ?)") + " ORDER BY c.code";
        return sql.query(select, userId == null ? List.of() : List.of(userId, userId), CourseStore::courseRow);
    }

    boolean isTrainer(long courseId, long userId) {
        return sql.exists("SELECT 1 FROM course c WHERE c.course_id = ? AND (c.owner_id = ? OR EXISTS"
                + " (SELECT 1 FROM course_trainer t WHERE t.course_id = c.course_id AND t.user_id = ?))", courseId, userId, userId);
    }

    List<String> coTrainers(long courseId) {
        return sql.query("SELECT u.username FROM course_trainer t JOIN app_user u ON u.user_id = t.user_id"
                + " WHERE t.course_id = ? ORDER BY u.username", List.of(courseId), row -> row.getString(1));
    }

    OptionalLong userId(String username) {
        List<Long> ids = sql.query("SELECT user_id FROM app_user WHERE username = ?", List.of(username), row -> row.getLong(1));
        return ids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ids.get(0));
    }

    /** Whether the user holds a role that may train: TRAINER, or ADMIN. */
    boolean mayTrain(long userId) {
        return sql.exists("SELECT 1 FROM user_role WHERE user_id = ? AND role IN ('TRAINER', 'ADMIN')", userId);
    }

    void addTrainer(long courseId, long userId) {
        // two owners naming the same trainer at once: the second insert is a no-op, not a key violation
        sql.update("INSERT INTO course_trainer (course_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING", courseId, userId);
    }

    int removeTrainer(long courseId, long userId) {
        return sql.update("DELETE FROM course_trainer WHERE course_id = ? AND user_id = ?", courseId, userId);
    }

    void archive(long courseId) {
        sql.update("UPDATE course SET archived = TRUE WHERE course_id = ?", courseId);
    }

    List<RevisionRow> revisions(long courseId) {
        return sql.query("SELECT * FROM course_revision WHERE course_id = ? ORDER BY revision_number", List.of(courseId), row ->
                new RevisionRow(row.getLong("revision_id"), row.getLong("course_id"), row.getInt("revision_number"),
                        RevisionStatus.valueOf(row.getString("status")), row.getTimestamp("created_at").toInstant(),
                        instant(row.getTimestamp("published_at"))));
    }

    long insertRevision(long courseId, int number, Instant now) {
        return sql.insert("INSERT INTO course_revision (course_id, revision_number, status, created_at) VALUES (?, ?, 'DRAFT', ?)",
                "revision_id", courseId, number, Timestamp.from(now));
    }

    /** Publishes a draft; the revision published before it is superseded (its enrollments keep it). */
    void publish(long courseId, long revisionId, Instant now) {
        sql.update("UPDATE course_revision SET status = 'SUPERSEDED' WHERE course_id = ? AND status = 'PUBLISHED'", courseId);
        sql.update("UPDATE course_revision SET status = 'PUBLISHED', published_at = ? WHERE revision_id = ?", Timestamp.from(now), revisionId);
    }

    /** A new draft starts as a copy of the plan it revises, set-based, modules included. */
    void copyPlan(long fromRevision, long toRevision) {
        sql.update("INSERT INTO alignment (revision_id, task_id, whole_task) SELECT ?, task_id, whole_task FROM alignment"
                + " WHERE revision_id = ?", toRevision, fromRevision);
        sql.update("INSERT INTO plan_indicator (revision_id, indicator_id, alignment_id) SELECT ?, p.indicator_id, n.alignment_id"
                + " FROM plan_indicator p JOIN alignment o ON o.alignment_id = p.alignment_id"
                + " JOIN alignment n ON n.revision_id = ? AND n.task_id = o.task_id WHERE p.revision_id = ?",
                toRevision, toRevision, fromRevision);
        sql.update("INSERT INTO plan_method (revision_id, indicator_id, method) SELECT ?, indicator_id, method FROM plan_method"
                + " WHERE revision_id = ?", toRevision, fromRevision);
        for (CourseView.Module module : modules(fromRevision)) {
            long copy = insertModule(toRevision, module.position(), module.title(), module.hours(), module.description());
            sql.update("INSERT INTO module_task (module_id, task_id) SELECT ?, task_id FROM module_task WHERE module_id = ?",
                    copy, module.id());
        }
    }

    /** The level of each task a revision aligns to, by task id ("KPS5294-001v4:T2.3"); a task without one is left out. */
    Map<String, Integer> taskLevels(long revisionId) {
        Map<String, Integer> levels = new HashMap<>();
        sql.query("SELECT s.code AS standard_code, t.code AS task_code, t.competency_level FROM alignment a JOIN task t ON t.task_id = a.task_id"
                + " JOIN standard s ON s.standard_id = t.standard_id WHERE a.revision_id = ? AND t.competency_level IS NOT NULL", List.of(revisionId),
                row -> levels.put(row.getString("standard_code") + ":" + row.getString("task_code"), row.getInt("competency_level")));
        return levels;
    }

    List<CourseView.Alignment> alignments(long revisionId) {
        Map<Long, List<String>> planned = new LinkedHashMap<>();
        sql.query("SELECT p.alignment_id, i.code FROM plan_indicator p JOIN indicator i ON i.indicator_id = p.indicator_id"
                + " WHERE p.revision_id = ? ORDER BY i.task_id, i.sort_order", List.of(revisionId), row -> {
            planned.computeIfAbsent(row.getLong(1), key -> new ArrayList<>()).add(row.getString(2));
            return null;
        });
        return sql.query("SELECT a.alignment_id, a.whole_task, s.code AS standard_code, t.code AS task_code, t.title, t.competency_level"
                + " FROM alignment a JOIN task t ON t.task_id = a.task_id JOIN standard s ON s.standard_id = t.standard_id"
                + " WHERE a.revision_id = ? ORDER BY s.code, t.sort_order", List.of(revisionId), row -> new CourseView.Alignment(
                row.getString("standard_code") + ":" + row.getString("task_code"), row.getString("standard_code"),
                row.getString("task_code"), row.getString("title"), integer(row, "competency_level"), row.getBoolean("whole_task"),
                planned.getOrDefault(row.getLong("alignment_id"), List.of())));
    }

    List<CourseView.PlannedIndicator> plan(long revisionId) {
        return planEntries(revisionId).stream().map(entry -> {
            String standardCode = entry.id().substring(0, entry.id().indexOf(':'));
            return new CourseView.PlannedIndicator(entry.id(), standardCode, entry.id().substring(standardCode.length() + 1),
                    entry.text(), entry.taskId(), entry.methods().stream().sorted().toList());
        }).toList();
    }

    List<PlanEntry> planEntries(long revisionId) {
        Map<Long, java.util.Set<AssessmentMethod>> methods = new LinkedHashMap<>();
        sql.query("SELECT indicator_id, method FROM plan_method WHERE revision_id = ?", List.of(revisionId), row -> {
            methods.computeIfAbsent(row.getLong(1), key -> java.util.EnumSet.noneOf(AssessmentMethod.class))
                    .add(AssessmentMethod.valueOf(row.getString(2)));
            return null;
        });
        return sql.query("SELECT p.indicator_id, s.code AS standard_code, i.code, i.content, t.code AS task_code, t.title FROM plan_indicator p"
                + " JOIN indicator i ON i.indicator_id = p.indicator_id JOIN task t ON t.task_id = i.task_id"
                + " JOIN standard s ON s.standard_id = i.standard_id WHERE p.revision_id = ?"
                + " ORDER BY s.code, t.sort_order, i.sort_order", List.of(revisionId), row -> new PlanEntry(row.getLong("indicator_id"),
                row.getString("standard_code") + ":" + row.getString("code"), row.getString("content"),
                row.getString("standard_code") + ":" + row.getString("task_code"), row.getString("title"),
                java.util.Set.copyOf(methods.getOrDefault(row.getLong("indicator_id"), java.util.Set.of()))));
    }

    List<CourseView.Module> modules(long revisionId) {
        Map<Long, List<String>> tasks = new LinkedHashMap<>();
        sql.query("SELECT m.module_id, s.code AS standard_code, t.code FROM module_task m JOIN task t ON t.task_id = m.task_id"
                + " JOIN standard s ON s.standard_id = t.standard_id JOIN course_module c ON c.module_id = m.module_id"
                + " WHERE c.revision_id = ? ORDER BY s.code, t.sort_order", List.of(revisionId), row -> {
            tasks.computeIfAbsent(row.getLong(1), key -> new ArrayList<>()).add(row.getString(2) + ":" + row.getString(3));
            return null;
        });
        return sql.query("SELECT * FROM course_module WHERE revision_id = ? ORDER BY sort_order, module_id", List.of(revisionId),
                row -> new CourseView.Module(row.getLong("module_id"), row.getInt("sort_order"), row.getString("title"),
                        row.getBigDecimal("hours"), row.getString("description"), tasks.getOrDefault(row.getLong("module_id"), List.of())));
    }

    boolean isAligned(long revisionId, long taskId) {
        return sql.exists("SELECT 1 FROM alignment WHERE revision_id = ? AND task_id = ?", revisionId, taskId);
    }

    void align(long revisionId, long taskId, boolean wholeTask, Collection<Long> indicatorIds, Collection<AssessmentMethod> methods) {
        long alignmentId = sql.insert("INSERT INTO alignment (revision_id, task_id, whole_task) VALUES (?, ?, ?)",
                "alignment_id", revisionId, taskId, wholeTask);
        for (long indicatorId : indicatorIds) {
            sql.update("INSERT INTO plan_indicator (revision_id, indicator_id, alignment_id) VALUES (?, ?, ?)", revisionId, indicatorId, alignmentId);
            insertMethods(revisionId, indicatorId, methods);
        }
    }

    /** Removes an aligned task and its part of the plan; false when the task was not aligned. */
    boolean unalign(long revisionId, long taskId) {
        sql.update("DELETE FROM plan_method WHERE revision_id = ? AND indicator_id IN (SELECT p.indicator_id FROM plan_indicator p"
                + " JOIN alignment a ON a.alignment_id = p.alignment_id WHERE a.revision_id = ? AND a.task_id = ?)", revisionId, revisionId, taskId);
        sql.update("DELETE FROM plan_indicator WHERE alignment_id IN (SELECT alignment_id FROM alignment WHERE revision_id = ? AND task_id = ?)",
                revisionId, taskId);
        return sql.update("DELETE FROM alignment WHERE revision_id = ? AND task_id = ?", revisionId, taskId) > 0;
    }

    /** The id of an indicator of the plan, given as STANDARDCODE and INDICATORCODE. */
    OptionalLong plannedIndicator(long revisionId, String standardCode, String indicatorCode) {
        List<Long> ids = sql.query("SELECT p.indicator_id FROM plan_indicator p JOIN indicator i ON i.indicator_id = p.indicator_id"
                + " JOIN standard s ON s.standard_id = i.standard_id WHERE p.revision_id = ? AND s.code = ? AND i.code = ?",
                List.of(revisionId, standardCode, indicatorCode), row -> row.getLong(1));
        return ids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ids.get(0));
    }

    void replaceMethods(long revisionId, long indicatorId, Collection<AssessmentMethod> methods) {
        sql.update("DELETE FROM plan_method WHERE revision_id = ? AND indicator_id = ?", revisionId, indicatorId);
        insertMethods(revisionId, indicatorId, methods);
    }

    long insertModule(long revisionId, int position, String title, BigDecimal hours, @Nullable String description) {
        return sql.insert("INSERT INTO course_module (revision_id, sort_order, title, hours, description) VALUES (?, ?, ?, ?, ?)",
                "module_id", revisionId, position, title, hours, description);
    }

    void setModuleTasks(long moduleId, Collection<Long> taskIds) {
        sql.update("DELETE FROM module_task WHERE module_id = ?", moduleId);
        for (long taskId : taskIds) {
            sql.update("INSERT INTO module_task (module_id, task_id) VALUES (?, ?)", moduleId, taskId);
        }
    }

    void updateModule(long moduleId, String title, BigDecimal hours, @Nullable String description) {
        sql.update("UPDATE course_module SET title = ?, hours = ?, description = ? WHERE module_id = ?", title, hours, description, moduleId);
    }

    boolean deleteModule(long revisionId, long moduleId) {
        sql.update("DELETE FROM module_task WHERE module_id IN (SELECT module_id FROM course_module WHERE revision_id = ? AND module_id = ?)",
                revisionId, moduleId);
        return sql.update("DELETE FROM course_module WHERE revision_id = ? AND module_id = ?", revisionId, moduleId) > 0;
    }

    private void insertMethods(long revisionId, long indicatorId, Collection<AssessmentMethod> methods) {
        for (AssessmentMethod method : methods) {
            sql.update("INSERT INTO plan_method (revision_id, indicator_id, method) VALUES (?, ?, ?)", revisionId, indicatorId, method.name());
        }
    }

    private static CourseRow courseRow(ResultSet row) throws SQLException {
        return new CourseRow(row.getLong("course_id"), row.getString("code"), row.getString("title"), row.getString("description"),
                row.getBigDecimal("hours"), row.getLong("owner_id"), row.getString("username"), row.getBoolean("archived"),
                row.getTimestamp("created_at").toInstant());
    }

    private static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
