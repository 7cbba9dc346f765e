package tw.training.catalogue.document;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One of 職類別, 職業別 or 行業別 with its code (e.g. 職業別 5294 電話及網路行銷人員). */
@Serdeable
public record Classification(@Nullable String code, @Nullable String name) {
}
