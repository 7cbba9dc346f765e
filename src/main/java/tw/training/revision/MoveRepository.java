package tw.training.revision;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Learners' moves between revisions of their courses. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface MoveRepository extends GenericRepository<MoveRow, Long> {

    List<MoveRow> saveAll(Iterable<MoveRow> rows);

    MoveRow update(MoveRow row);

    /** The move's row, locked until the transaction ends: two reversals take their turns. */
    @Query("SELECT * FROM learner_move WHERE move_id = :id FOR UPDATE")
    Optional<MoveRow> lock(long id);

    /** The enrollment's latest move that stands: the only one that can be reverted. */
    @Query("SELECT * FROM learner_move WHERE enrollment_id = :enrollmentId AND reverted_at IS NULL ORDER BY move_id DESC FETCH FIRST 1 ROW ONLY")
    Optional<MoveRow> standing(long enrollmentId);

    /** A move as listed: the learner, the two revisions' numbers and who moved and reverted it. */
    String RECORD = "SELECT m.move_id, m.enrollment_id AS enrollment, u.username AS learner, f.revision_number AS from_revision, t.revision_number AS to_revision,"
            + " m.via, b.username AS moved_by, m.moved_at, r.username AS reverted_by, m.reverted_at FROM learner_move m"
            + " JOIN enrollment e ON e.enrollment_id = m.enrollment_id JOIN app_user u ON u.user_id = e.learner_id"
            + " JOIN course_revision f ON f.revision_id = m.from_revision_id JOIN course_revision t ON t.revision_id = m.to_revision_id"
            + " JOIN app_user b ON b.user_id = m.moved_by LEFT JOIN app_user r ON r.user_id = m.reverted_by";

    /** A course's moves, newest first. */
    @Query(RECORD + " WHERE e.course_id = :courseId ORDER BY m.move_id DESC")
    List<LearnerMove.Record> ofCourse(long courseId);

    /** One learner's moves in a course, newest first. */
    @Query(RECORD + " WHERE m.enrollment_id = :enrollmentId ORDER BY m.move_id DESC")
    List<LearnerMove.Record> ofEnrollment(long enrollmentId);

    @Query(RECORD + " WHERE m.move_id = :id")
    Optional<LearnerMove.Record> record(long id);

    /** A learner's enrollment as a move sees it. */
    @Introspected
    record Enrolled(long enrollmentId, String username, String displayName, long revisionId, int revisionNumber, String status,
                    boolean certified) {
    }

    /** The course's enrollments, with their revision and whether a certificate was issued for them. */
    @Query("SELECT e.enrollment_id, u.username, u.display_name, e.revision_id, r.revision_number, e.status,"
            + " EXISTS (SELECT 1 FROM certificate c WHERE c.enrollment_id = e.enrollment_id) AS certified"
            + " FROM enrollment e JOIN app_user u ON u.user_id = e.learner_id JOIN course_revision r ON r.revision_id = e.revision_id"
            + " WHERE e.course_id = :courseId ORDER BY e.enrollment_id")
    List<Enrolled> enrollments(long courseId);

    @Query("SELECT course_id FROM enrollment WHERE enrollment_id = :enrollmentId")
    Optional<Long> courseOf(long enrollmentId);

    /**
     * What was recorded for the learner since the move, which a reversal would leave stranded: pieces of evidence,
     * judgements other than the move's own, certificates.
     */
    @Query("SELECT (SELECT COUNT(*) FROM evidence v WHERE v.enrollment_id = :enrollmentId AND (v.submitted_at >= :movedAt OR EXISTS"
            + " (SELECT 1 FROM judgement j WHERE j.evidence_id = v.evidence_id AND j.judged_at >= :movedAt AND (j.move_id IS NULL OR j.move_id <> :moveId))))"
            + " + (SELECT COUNT(*) FROM certificate c WHERE c.enrollment_id = :enrollmentId)")
    long recordedSince(long enrollmentId, long moveId, Instant movedAt);

    /** The account machines judge under (migration V014). */
    @Query("SELECT user_id FROM app_user WHERE username = '(system)'")
    long systemAccount();
}
