package tw.training.evidence;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;

/** Judgements: appended one by one or in batches, read as their views (indicator id and assessor's username). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface JudgementRepository extends GenericRepository<JudgementRow, Long> {

    String VIEW = "SELECT j.*, s.code || ':' || i.code AS indicator, u.username AS assessor FROM judgement j"
            + " JOIN indicator i ON i.indicator_id = j.indicator_id JOIN standard s ON s.standard_id = i.standard_id"
            + " JOIN app_user u ON u.user_id = j.assessor_id ";

    JudgementRow save(JudgementRow judgement);

    List<JudgementRow> saveAll(Iterable<JudgementRow> judgements);

    boolean existsByEvidenceId(long evidenceId);

    /** An (evidence, indicator) pair as one number, as {@link EvidenceRepository#addAllClaims} compares them. */
    static long pair(long evidenceId, long indicatorId) {
        return evidenceId * 4294967296L + indicatorId;
    }

    /** The judgements of many pieces of evidence, oldest first. */
    @Query(VIEW + "WHERE j.evidence_id IN (:evidenceIds) ORDER BY j.judged_at, j.judgement_id")
    List<Views.Judgement> of(Collection<Long> evidenceIds);
}
