package tw.training.learning;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Learning activity: which materials the learners studied. The shares are counted in SQL over the materials of each
 * enrollment's own revision, one query for a whole cohort.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ActivityRepository extends GenericRepository<MaterialDone, Long> {

    /** Recorded once: the first time counts, and two requests at once record one row. */
    @Query("INSERT INTO material_done (enrollment_id, material_id, done_at) VALUES (:enrollmentId, :materialId, :at) ON CONFLICT DO NOTHING")
    void markDone(long enrollmentId, long materialId, Instant at);

    @Query("SELECT done_at FROM material_done WHERE enrollment_id = :enrollmentId AND material_id = :materialId")
    Optional<Instant> doneAt(long enrollmentId, long materialId);

    @Query("SELECT * FROM material_done WHERE enrollment_id = :enrollmentId")
    List<MaterialDone> ofEnrollment(long enrollmentId);

    @Query("SELECT d.* FROM material_done d JOIN material m ON m.material_id = d.material_id WHERE d.enrollment_id = :enrollmentId"
            + " AND m.module_id = :moduleId")
    List<MaterialDone> ofEnrollmentInModule(long enrollmentId, long moduleId);

    default Map<Long, Instant> doneIn(long enrollmentId, long moduleId) {
        return ofEnrollmentInModule(enrollmentId, moduleId).stream().collect(Collectors.toMap(MaterialDone::materialId, MaterialDone::doneAt));
    }

    /**
     * Per enrollment of the course (not withdrawn) and module of its revision: how many materials, how many studied. An
     * enrollment whose revision has no module has one row without a module.
     */
    @Introspected
    record ModuleShare(long enrollmentId, String learner, String displayName, @Nullable Long moduleId, @Nullable Integer position,
                       @Nullable String title, long materials, long studied) {
    }

    String SHARES = "SELECT e.enrollment_id, u.username AS learner, u.display_name, c.module_id, c.sort_order AS position, c.title,"
            + " COUNT(m.material_id) AS materials, COUNT(d.material_id) AS studied"
            + " FROM enrollment e JOIN app_user u ON u.user_id = e.learner_id LEFT JOIN course_module c ON c.revision_id = e.revision_id"
            + " LEFT JOIN material m ON m.module_id = c.module_id"
            + " LEFT JOIN material_done d ON d.enrollment_id = e.enrollment_id AND d.material_id = m.material_id WHERE ";
    String BY_MODULE = " GROUP BY e.enrollment_id, u.username, u.display_name, c.module_id, c.sort_order, c.title"
            + " ORDER BY u.username, e.enrollment_id, c.sort_order, c.module_id";

    @Query(SHARES + "e.course_id = :courseId AND e.status <> 'WITHDRAWN'" + BY_MODULE)
    List<ModuleShare> cohort(long courseId);

    @Query(SHARES + "e.enrollment_id = :enrollmentId" + BY_MODULE)
    List<ModuleShare> ofEnrollmentByModule(long enrollmentId);
}
