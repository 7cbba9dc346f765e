package tw.training.enrollment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What a CSV enrollment did, row by row: valid rows enroll even when others fail. */
@Serdeable
public record BulkReport(int enrolled, int failed, List<Row> rows) {

    /** @param enrollmentId set when the row enrolled */
    @Serdeable
    public record Row(int line, String username, boolean enrolled, @Nullable Long enrollmentId, @Nullable String reason) {
    }
}
