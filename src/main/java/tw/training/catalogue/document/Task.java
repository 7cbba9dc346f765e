package tw.training.catalogue.document;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A task (工作任務), e.g. T1.2 達成個人績效, with what it produces and the indicators that show it is done.
 * Knowledge, skills and attitudes are codes into the document's own lists.
 */
@Serdeable
public record Task(
        String code,
        String title,
        @Nullable Integer level,
        @Nullable String responsibilityCode,
        List<WorkOutput> outputs,
        List<Indicator> indicators,
        List<String> knowledge,
        List<String> skills,
        List<String> attitudes,
        List<String> footnotes) {
}
