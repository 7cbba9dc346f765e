package tw.training.enrollment;

import tw.training.phrase.Phrase;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What a CSV enrollment did, row by row: valid rows enroll even when others fail. */
@Serdeable
public record BulkReport(int enrolled, int failed, List<Row> rows) {

    /**
     * @param enrollmentId set when the row enrolled
     * @param code         why the row did not enroll, as a stable code; {@code reason} says it in English
     * @param why          the same for a page, put into the reader's language
     */
    @Serdeable
    public record Row(int line, String username, boolean enrolled, @Nullable Long enrollmentId, @Nullable String code,
                      @Nullable String reason, @JsonIgnore @Nullable Phrase why) {

        static Row enrolled(int line, String username, long enrollmentId) {
            return new Row(line, username, true, enrollmentId, null, null, null);
        }

        static Row refused(int line, String username, Phrase why) {
            return new Row(line, username, false, null, why.key(), why.english(), why);
        }
    }
}
