package tw.training.catalogue.document;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A behaviour indicator (行為指標), e.g. P1.1.1; in units the assigned P1.1, P1.2… */
@Serdeable
public record Indicator(String code, String text, List<String> footnotes) {
}
