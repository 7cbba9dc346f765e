package tw.training.learning;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The materials of modules, and their copies into a new draft. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface MaterialRepository extends CrudRepository<Material, Long> {

    List<Material> findByModuleIdOrderBySortOrderAndId(long moduleId);

    @Query("SELECT m.* FROM material m JOIN course_module c ON c.module_id = m.module_id WHERE c.revision_id = :revisionId"
            + " ORDER BY c.sort_order, c.module_id, m.sort_order, m.material_id")
    List<Material> ofRevision(long revisionId);

    /** The copy of a material's line in a module (of a draft), if the module holds one. */
    @Query("SELECT * FROM material WHERE module_id = :moduleId AND (material_id = :line OR lineage_id = :line)")
    Optional<Material> inModule(long moduleId, long line);

    /** A module's materials copied into its copy in a new draft, each keeping its line (files share the stored object). */
    @Query("INSERT INTO material (module_id, lineage_id, sort_order, kind, title, body, url, storage_key, filename, content_type, size_bytes,"
            + " sha256, created_at) SELECT :toModule, COALESCE(lineage_id, material_id), sort_order, kind, title, body, url, storage_key,"
            + " filename, content_type, size_bytes, sha256, created_at FROM material WHERE module_id = :fromModule")
    void copy(long fromModule, long toModule);

    /** Locks the module's row until the transaction ends: changes to one module's materials take turns. */
    @Query("SELECT module_id FROM course_module WHERE module_id = :moduleId FOR UPDATE")
    Optional<Long> lockModule(long moduleId);

    boolean existsByStorageKey(String storageKey);

    /** The stored files of these modules' materials that no other material refers to. */
    @Query("SELECT DISTINCT storage_key FROM material WHERE module_id IN (:moduleIds) AND storage_key IS NOT NULL"
            + " AND storage_key NOT IN (SELECT storage_key FROM material WHERE module_id NOT IN (:moduleIds) AND storage_key IS NOT NULL)")
    List<String> keysOnlyIn(Collection<Long> moduleIds);

    @Query("SELECT COALESCE(MAX(sort_order), 0) FROM material WHERE module_id = :moduleId")
    int lastPosition(long moduleId);
}
