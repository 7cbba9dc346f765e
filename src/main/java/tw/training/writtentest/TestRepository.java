package tw.training.writtentest;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

/** A course's tests and what each tests. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TestRepository extends CrudRepository<WrittenTest, Long> {

    List<WrittenTest> findByCourseIdOrderById(long courseId);

    /** What a test tests, with the indicator's id as people read it and how many items of the bank (not retired) test it. */
    @Introspected
    record Tested(long testId, long indicatorId, String standardCode, String code, String content, int itemCount, int passMark, long inBank) {

        String indicator() {
            return standardCode + ":" + code;
        }
    }

    @Query("SELECT t.test_id, t.indicator_id, s.code AS standard_code, i.code, i.content, t.item_count, t.pass_mark,"
            + " (SELECT COUNT(*) FROM item_indicator ii JOIN test_item b ON b.item_id = ii.item_id"
            + "  WHERE ii.indicator_id = t.indicator_id AND b.course_id = w.course_id AND b.retired_at IS NULL) AS in_bank"
            + " FROM test_indicator t JOIN written_test w ON w.test_id = t.test_id JOIN indicator i ON i.indicator_id = t.indicator_id"
            + " JOIN standard s ON s.standard_id = i.standard_id WHERE t.test_id IN (:testIds) ORDER BY t.test_id, t.sort_order")
    List<Tested> tested(Collection<Long> testIds);

    /** What one test tests, for an attempt: as {@link #tested} without counting the bank. */
    @Query("SELECT t.test_id, t.indicator_id, s.code AS standard_code, i.code, i.content, t.item_count, t.pass_mark, 0 AS in_bank"
            + " FROM test_indicator t JOIN indicator i ON i.indicator_id = t.indicator_id JOIN standard s ON s.standard_id = i.standard_id"
            + " WHERE t.test_id = :testId ORDER BY t.sort_order")
    List<Tested> testedBy(long testId);

    /** What several tests test, for their attempts, in each test's order. */
    @Query("SELECT t.test_id, t.indicator_id, s.code AS standard_code, i.code, i.content, t.item_count, t.pass_mark, 0 AS in_bank"
            + " FROM test_indicator t JOIN indicator i ON i.indicator_id = t.indicator_id JOIN standard s ON s.standard_id = i.standard_id"
            + " WHERE t.test_id IN (:testIds) ORDER BY t.test_id, t.sort_order")
    List<Tested> testedByAll(Collection<Long> testIds);

    List<WrittenTest> findByIdIn(Collection<Long> ids);

    @Query("DELETE FROM test_indicator WHERE test_id = :testId")
    void untest(long testId);

    @Query("SELECT COUNT(*) > 0 FROM attempt WHERE test_id = :testId")
    boolean attempted(long testId);

    /** Per item an attempt of the test drew and that attempt closed: how often, how often answered correctly. */
    @Introspected
    record ItemResult(long itemId, long drawn, long correct) {
    }

    @Query("SELECT ai.item_id, COUNT(*) AS drawn, SUM(CASE WHEN ai.correct THEN 1 ELSE 0 END) AS correct FROM attempt_item ai"
            + " JOIN attempt a ON a.attempt_id = ai.attempt_id WHERE a.test_id = :testId AND a.status <> 'OPEN'"
            + " GROUP BY ai.item_id ORDER BY ai.item_id")
    List<ItemResult> itemResults(long testId);
}
