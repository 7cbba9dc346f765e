package tw.training.catalogue.document;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** An attitude (態度), e.g. A01 親和力關係 with its description. */
@Serdeable
public record Attitude(String code, String name, @Nullable String description) {
}
