package tw.training.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import tw.training.catalogue.document.DocumentKind;

import java.time.Instant;

/**
 * A line of the catalogue listing, with the document's family (its code without the version), its version, and the
 * code of the version that superseded it (null while it is the newest in the catalogue).
 */
@Serdeable
public record StandardSummary(String code, DocumentKind kind, String name, @Nullable String title,
                              @Nullable Integer level, @Nullable String field, @Nullable String occupation,
                              int tasks, int indicators, Instant importedAt, String family, @Nullable Integer version,
                              @Nullable String supersededBy) {

    public boolean current() {
        return supersededBy == null;
    }
}
