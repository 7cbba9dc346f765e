package tw.training.catalogue;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A version of a document family as the catalogue holds it: current when nothing newer is imported, else superseded by
 * the next version (which certificates and courses of the older one keep pointing past, never at in its place).
 */
@Serdeable
@Introspected
public record FamilyMember(String code, @Nullable Integer version, String name, Instant importedAt, @Nullable String supersededBy) {

    public boolean current() {
        return supersededBy == null;
    }
}
