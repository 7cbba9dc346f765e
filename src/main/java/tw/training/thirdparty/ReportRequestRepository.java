package tw.training.thirdparty;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ReportRequestRepository extends GenericRepository<ReportRequest, Long> {

    ReportRequest save(ReportRequest request);

    Optional<ReportRequest> findByTokenHash(String tokenHash);

    List<ReportRequest> findByEnrollmentIdOrderByCreatedAt(long enrollmentId);

    Optional<ReportRequest> findByEnrollmentIdAndSubmissionKey(long enrollmentId, String submissionKey);

    boolean existsByReportHash(String reportHash);

    /** The first opening only: later ones change nothing. */
    @Query("UPDATE third_party_request SET opened_at = :at WHERE third_party_request_id = :id AND opened_at IS NULL")
    void opened(long id, Instant at);

    /**
     * A new code replaces the last, and its wrong attempts start again from none; but a link sends at most
     * {@code most} codes in its life (0 rows: no more), or five tries per code would be no limit at all.
     */
    @Query("UPDATE third_party_request SET code_hash = :codeHash, code_expires_at = :expiresAt, code_attempts = 0, codes_sent = codes_sent + 1"
            + " WHERE third_party_request_id = :id AND submitted_at IS NULL AND codes_sent < :most")
    int newCode(long id, String codeHash, Instant expiresAt, int most);

    /** Of these pieces of evidence, the signed reports no assessor has verified by phone, e-mail or in person. */
    @Query("SELECT evidence_id FROM third_party_request WHERE evidence_id IN (:evidenceIds)"
            + " AND (verified_method IS NULL OR verified_method NOT IN ('PHONE', 'EMAIL', 'IN_PERSON'))")
    List<Long> unverifiedAmong(java.util.Collection<Long> evidenceIds);

    @Query("UPDATE third_party_request SET code_attempts = code_attempts + 1 WHERE third_party_request_id = :id")
    void wrongCode(long id);

    /** Submits a request once: of two submissions at once, one updates the row (1) and the other finds it submitted (0). */
    @Query("UPDATE third_party_request SET submitted_at = :at, submitted_from = :source, report_hash = :reportHash, signed_report = :signedReport,"
            + " code_hash = NULL WHERE third_party_request_id = :id AND submitted_at IS NULL")
    int submit(long id, Instant at, @Nullable String source, String reportHash, String signedReport);

    /** A report that observed none of what it was asked about: nothing to file as evidence, ever. */
    @Query("UPDATE third_party_request SET nothing_observed = TRUE WHERE third_party_request_id = :id")
    void nothingObserved(long id);

    @Query("UPDATE third_party_request SET evidence_id = :evidenceId WHERE third_party_request_id = :id")
    void evidence(long id, long evidenceId);

    Optional<ReportRequest> findById(long id);

    /** Signed before {@code before}, its report kept, and not filed as evidence (a report observing nothing never is). */
    @Query("SELECT * FROM third_party_request WHERE submitted_at < :before AND evidence_id IS NULL AND signed_report IS NOT NULL"
            + " AND nothing_observed = FALSE ORDER BY submitted_at FETCH FIRST 100 ROWS ONLY")
    List<ReportRequest> unfiled(Instant before);

    @Query("UPDATE third_party_request SET verified_method = :method, verified_on = :on, verified_by = :by, verified_at = :at"
            + " WHERE third_party_request_id = :id")
    void verified(long id, String method, java.time.LocalDate on, long by, Instant at);
}
