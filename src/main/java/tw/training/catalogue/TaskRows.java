package tw.training.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** A document's tasks (T1.1 …), with their level and responsibility. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TaskRows extends GenericRepository<TaskRows.Row, Long> {

    /** A row of {@code task}; its id is what courses align to. */
    @MappedEntity("task")
    record Row(@Id @GeneratedValue @MappedProperty("task_id") @Nullable Long id, long standardId, String code, String title,
               @Nullable Integer competencyLevel, @Nullable String responsibilityCode, int sortOrder) {
    }

    Row save(Row task);

    @Query("SELECT * FROM task WHERE standard_id = :standardId ORDER BY sort_order")
    List<Row> of(long standardId);

    /** The task of the document (its exact code) whose code is {@code taskCode} but for case, the exact one first. */
    @Query("SELECT t.* FROM task t JOIN standard s ON s.standard_id = t.standard_id WHERE s.code = :standardCode AND LOWER(t.code) = LOWER(:taskCode)"
            + " ORDER BY CASE WHEN t.code = :taskCode THEN 0 ELSE 1 END, t.code FETCH FIRST 1 ROWS ONLY")
    Optional<Row> find(String standardCode, String taskCode);
}
