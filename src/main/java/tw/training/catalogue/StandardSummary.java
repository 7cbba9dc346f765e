package tw.training.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import tw.training.catalogue.document.DocumentKind;

import java.time.Instant;

/** A line of the catalogue listing. */
@Serdeable
public record StandardSummary(String code, DocumentKind kind, String name, @Nullable String title,
                              @Nullable Integer level, @Nullable String field, @Nullable String occupation,
                              int tasks, int indicators, Instant importedAt) {
}
