package tw.training.xapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code xapi_statement}: a statement in the outbox, its id fixed when written, sent once the LRS took it. */
@MappedEntity("xapi_statement")
record XapiStatement(@Id @GeneratedValue @Nullable Long statementSeq, String statementId, String verb, @Nullable Long learnerId,
                     Instant storedAt, String statement, @Nullable Instant sentAt, int attempts, @Nullable Instant nextAttemptAt,
                     @Nullable String lastError) {
}
