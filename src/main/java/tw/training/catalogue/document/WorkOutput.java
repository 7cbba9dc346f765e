package tw.training.catalogue.document;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A work output (工作產出), e.g. O2.3.1 客訴紀錄表. */
@Serdeable
public record WorkOutput(String code, String title, List<String> footnotes) {
}
