package tw.training.setting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of {@code app_setting}: its value when an administrator set one (else null: as configured), who and when. */
@MappedEntity("app_setting")
public record Setting(@Id String name, @Nullable @MappedProperty("setting_value") String value, @Nullable Long updatedBy,
                      @Nullable Instant updatedAt) {
}
