package tw.training.setting;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

/** The settings' rows, each made by its migration; a change updates one. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SettingRepository extends GenericRepository<Setting, String> {

    /** A setting as administrators read it: who set it by username. */
    @Introspected
    record Shown(String name, @Nullable String settingValue, @Nullable String updatedBy, @Nullable Instant updatedAt) {
    }

    @Query("SELECT s.name, s.setting_value, u.username AS updated_by, s.updated_at FROM app_setting s"
            + " LEFT JOIN app_user u ON u.user_id = s.updated_by WHERE s.name = :name")
    Optional<Shown> shown(String name);

    /** Sets (or, with null, clears) a setting; answers 0 when no migration made it. */
    @Query("UPDATE app_setting SET setting_value = :value, updated_by = :updatedBy, updated_at = :updatedAt WHERE name = :name")
    int set(String name, @Nullable String value, long updatedBy, Instant updatedAt);
}
