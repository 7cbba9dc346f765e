package tw.training.certificate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The training provider that issued a certificate, as it was then: its name, the signatory (name and title) if one
 * was set, and its logo (the public address of the image, and its id) if one was.
 */
@Serdeable
public record Issuer(String name, @Nullable String signatoryName, @Nullable String signatoryTitle, @Nullable Long logoId, @Nullable String logoUrl) {
}
