package tw.training.provider;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of {@code provider_logo}: an uploaded logo's file in the store, never changed. */
@MappedEntity("provider_logo")
record ProviderLogo(@Id @GeneratedValue @MappedProperty("logo_id") @Nullable Long id, String storageKey, String filename, String contentType,
                    long sizeBytes, String sha256, long uploadedBy, Instant uploadedAt) {
}
