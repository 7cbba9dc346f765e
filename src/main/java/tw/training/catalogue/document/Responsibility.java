package tw.training.catalogue.document;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A main responsibility (主要職責), e.g. T1 準備顧客聯繫工作. */
@Serdeable
public record Responsibility(String code, String title, List<String> footnotes) {
}
