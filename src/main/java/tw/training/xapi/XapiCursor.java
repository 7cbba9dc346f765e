package tw.training.xapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * Where the sender stands: every statement at or before {@code position} went to the LRS; statements of leaves from
 * {@code firstLeaf} on are derived. A refused or failed send backs off here ({@code attempts}, {@code nextAttemptAt}).
 */
@MappedEntity("xapi_cursor")
record XapiCursor(@Id @MappedProperty("cursor_id") int id, long position, long firstLeaf, int attempts, @Nullable Instant nextAttemptAt,
                  @Nullable String lastError) {
}
