package tw.training.course;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A revision's modules, in order, with the tasks each covers. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ModuleRepository extends GenericRepository<CourseModule, Long> {

    CourseModule save(CourseModule module);

    void update(@Id Long id, String title, BigDecimal hours, @Nullable String description);

    @Query("SELECT * FROM course_module WHERE revision_id = :revisionId ORDER BY sort_order, module_id")
    List<CourseModule> ofRevision(long revisionId);

    @Query("DELETE FROM module_task WHERE module_id = :moduleId")
    void removeTasks(long moduleId);

    @Query("INSERT INTO module_task (module_id, task_id) VALUES (:moduleId, :taskId)")
    void addTask(long moduleId, long taskId);

    @Query("INSERT INTO module_task (module_id, task_id) SELECT :toModule, task_id FROM module_task WHERE module_id = :fromModule")
    void copyTasks(long fromModule, long toModule);

    @Query("DELETE FROM module_task WHERE module_id IN (SELECT module_id FROM course_module WHERE revision_id = :revisionId AND module_id = :moduleId)")
    void removeTasksOf(long revisionId, long moduleId);

    /** Every module of a revision that covers {@code fromTask} covers {@code toTask} too (a plan moved to a newer version). */
    @Query("INSERT INTO module_task (module_id, task_id) SELECT m.module_id, :toTask FROM module_task m JOIN course_module c ON c.module_id = m.module_id"
            + " WHERE c.revision_id = :revisionId AND m.task_id = :fromTask"
            + " AND NOT EXISTS (SELECT 1 FROM module_task x WHERE x.module_id = m.module_id AND x.task_id = :toTask)")
    void coverToo(long revisionId, long fromTask, long toTask);

    @Query("DELETE FROM module_task WHERE task_id = :taskId AND module_id IN (SELECT module_id FROM course_module WHERE revision_id = :revisionId)")
    void uncover(long revisionId, long taskId);

    @Query("DELETE FROM module_task WHERE module_id IN (SELECT module_id FROM course_module WHERE revision_id = :revisionId)")
    void removeAllTasksOf(long revisionId);

    @Query("DELETE FROM course_module WHERE revision_id = :revisionId")
    void removeAllModulesOf(long revisionId);

    /** Every module of a revision, with their tasks (their materials go with them: ON DELETE CASCADE). */
    default void removeAllOf(long revisionId) {
        removeAllTasksOf(revisionId);
        removeAllModulesOf(revisionId);
    }

    @Query("DELETE FROM course_module WHERE revision_id = :revisionId AND module_id = :moduleId")
    int remove(long revisionId, long moduleId);

    /** A task a module covers. */
    @Introspected
    record Covered(long moduleId, String standardCode, String code) {
    }

    @Query("SELECT m.module_id, s.code AS standard_code, t.code FROM module_task m JOIN task t ON t.task_id = m.task_id"
            + " JOIN standard s ON s.standard_id = t.standard_id JOIN course_module c ON c.module_id = m.module_id"
            + " WHERE c.revision_id = :revisionId ORDER BY s.code, t.sort_order")
    List<Covered> covered(long revisionId);

    default List<CourseView.Module> modules(long revisionId) {
        Map<Long, List<String>> tasks = new LinkedHashMap<>();
        covered(revisionId).forEach(task -> tasks.computeIfAbsent(task.moduleId(), key -> new ArrayList<>()).add(task.standardCode() + ":" + task.code()));
        return ofRevision(revisionId).stream().map(m -> new CourseView.Module(m.id(), m.sortOrder(), m.title(), m.hours(),
                m.description(), tasks.getOrDefault(m.id(), List.of()))).toList();
    }

    default long insertModule(long revisionId, int position, String title, BigDecimal hours, @Nullable String description) {
        return save(new CourseModule(null, revisionId, position, title, hours, description)).id();
    }

    default void setModuleTasks(long moduleId, Collection<Long> taskIds) {
        removeTasks(moduleId);
        taskIds.forEach(taskId -> addTask(moduleId, taskId));
    }

    default boolean deleteModule(long revisionId, long moduleId) {
        removeTasksOf(revisionId, moduleId);
        return remove(revisionId, moduleId) > 0;
    }

    /** The modules of a revision copied into a new draft, tasks included; answers each module's copy. */
    default Map<Long, Long> copyModules(long fromRevision, long toRevision) {
        Map<Long, Long> copies = new LinkedHashMap<>();
        for (CourseModule module : ofRevision(fromRevision)) {
            long copy = insertModule(toRevision, module.sortOrder(), module.title(), module.hours(), module.description());
            copyTasks(module.id(), copy);
            copies.put(module.id(), copy);
        }
        return copies;
    }

    @Query("SELECT m.module_id, r.course_id, m.revision_id, r.revision_number, r.status AS revision_status, m.title FROM course_module m"
            + " JOIN course_revision r ON r.revision_id = m.revision_id WHERE m.module_id = :moduleId")
    java.util.Optional<ModuleRef> ref(long moduleId);
}
