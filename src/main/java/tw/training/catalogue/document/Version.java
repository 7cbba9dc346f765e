package tw.training.catalogue.document;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * A row of the version table (版本).
 *
 * @param current true for 最新版本
 * @param note    更新說明, e.g. 已被《KPS5294-001v4》取代
 */
@Serdeable
public record Version(String version, String code, @Nullable String name, boolean current,
                      @Nullable LocalDate date, @Nullable String note) {
}
