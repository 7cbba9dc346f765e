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
import tw.training.catalogue.document.DocumentKind;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The catalogue's documents: their header rows, the text they were imported from, and the catalogue's list. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface StandardRows extends GenericRepository<StandardRows.Row, Long> {

    /** A row of {@code standard}: a document's header, with the exact text it was imported from. */
    @MappedEntity("standard")
    record Row(@Id @GeneratedValue @MappedProperty("standard_id") @Nullable Long id, String code, DocumentKind kind, String name,
               @Nullable String title, @Nullable Integer competencyLevel, @Nullable String field, @Nullable String description,
               @Nullable String jobCategoryCode, @Nullable String jobCategoryName, @Nullable String occupationCode,
               @Nullable String occupationName, @Nullable String industryCode, @Nullable String industryName, String sourceSha256,
               String sourceText, Instant importedAt, String family, @Nullable Integer versionNumber) {
    }

    /**
     * The code of the version that supersedes {@code s}: the family's next version in the catalogue (v3 is superseded
     * by v4, not v5), null for the newest and for a code without a version.
     */
    String SUPERSEDED_BY = "(SELECT n.code FROM standard n WHERE n.family = s.family AND n.version_number = (SELECT MIN(m.version_number)"
            + " FROM standard m WHERE m.family = s.family AND m.version_number > s.version_number))";

    Row save(Row standard);

    /** The versions of a document's family in the catalogue, newest first, each with the one that superseded it. */
    @Query("SELECT s.code, s.version_number AS version, s.name, s.imported_at, " + SUPERSEDED_BY + " AS superseded_by FROM standard s"
            + " WHERE s.family = (SELECT f.family FROM standard f WHERE f.code = :code) ORDER BY s.version_number DESC, s.code")
    List<FamilyMember> family(String code);

    Optional<Row> findByCode(String code);

    @Query("SELECT standard_id FROM standard WHERE code = :code")
    Optional<Long> idOf(String code);

    /** The codes equal to {@code code} but for case (people type "kps5294-001V4"): the exact one first. */
    @Query("SELECT code FROM standard WHERE LOWER(code) = LOWER(:code) ORDER BY CASE WHEN code = :code THEN 0 ELSE 1 END, code")
    List<String> codesLike(String code);

    @Query("SELECT source_sha256 FROM standard WHERE code = :code")
    Optional<String> sourceSha256(String code);

    boolean existsBySourceSha256(String sha256);

    /**
     * The documents of a kind (all when null) whose code, name, title, task titles or indicator texts contain the LIKE
     * {@code pattern} (escape '!'; all when null), by code, with their counts of tasks and indicators.
     */
    @Query("SELECT s.code, s.kind, s.name, s.title, s.competency_level AS level, s.field, s.occupation_name AS occupation, s.imported_at,"
            + " (SELECT COUNT(*) FROM task t WHERE t.standard_id = s.standard_id) AS tasks,"
            + " (SELECT COUNT(*) FROM indicator i WHERE i.standard_id = s.standard_id) AS indicators,"
            + " s.family, s.version_number AS version, " + SUPERSEDED_BY + " AS superseded_by FROM standard s"
            + " WHERE (CAST(:kind AS VARCHAR) IS NULL OR s.kind = :kind) AND (CAST(:pattern AS VARCHAR) IS NULL"
            + " OR LOWER(s.code) LIKE :pattern ESCAPE '!' OR LOWER(s.name) LIKE :pattern ESCAPE '!' OR LOWER(s.title) LIKE :pattern ESCAPE '!'"
            + " OR EXISTS (SELECT 1 FROM task t WHERE t.standard_id = s.standard_id AND LOWER(t.title) LIKE :pattern ESCAPE '!')"
            + " OR EXISTS (SELECT 1 FROM indicator i WHERE i.standard_id = s.standard_id AND LOWER(i.content) LIKE :pattern ESCAPE '!'))"
            + " ORDER BY s.code")
    List<StandardSummary> list(@Nullable String kind, @Nullable String pattern);
}
