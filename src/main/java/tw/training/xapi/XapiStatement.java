package tw.training.xapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of {@code xapi_statement}: a completion's statement, its id fixed when written, placed after the leaf of the record
 * that brought it ({@code causeKind}, {@code causeRecord}); or, without a cause, a statement written before statements
 * were derived from the records. Marked sent once the LRS took it, so that it can be pruned.
 */
@MappedEntity("xapi_statement")
record XapiStatement(@Id @GeneratedValue @Nullable Long statementSeq, String statementId, String verb, @Nullable Long learnerId,
                     Instant storedAt, String statement, @Nullable Instant sentAt, int attempts, @Nullable Instant nextAttemptAt,
                     @Nullable String lastError, @Nullable String causeKind, @Nullable Long causeRecord) {
}
