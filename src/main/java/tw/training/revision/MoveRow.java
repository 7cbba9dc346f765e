package tw.training.revision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of {@code learner_move}: an enrollment moved from one revision of its course to a newer one, and whether undone. */
@MappedEntity("learner_move")
record MoveRow(@Id @GeneratedValue @MappedProperty("move_id") @Nullable Long id, long enrollmentId, long fromRevisionId, long toRevisionId,
               String via, long movedBy, Instant movedAt, @Nullable Long revertedBy, @Nullable Instant revertedAt) {

    boolean standing() {
        return revertedAt == null;
    }
}
