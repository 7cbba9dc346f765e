package tw.training.revision;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A crosswalk as the API and pages show it: its header and its lines, old items in document order, then the NEW ones. */
@Serdeable
public record Crosswalk(long id, String from, String to, CrosswalkStatus status, String proposedBy, Instant proposedAt,
                        @Nullable String reviewedBy, @Nullable Instant reviewedAt, @Nullable String confirmedBy,
                        @Nullable Instant confirmedAt, List<Line> lines) {

    /** One line: {@code from} is null for NEW, {@code to} for NONE; similarity of the two texts, 0 when one is missing. */
    @Serdeable
    public record Line(ItemKind kind, @Nullable String from, @Nullable String to, Relation relation, double similarity,
                       @Nullable String note) {
    }

    /** The crosswalk without its lines, as listed. */
    @Serdeable
    @Introspected
    public record Header(long id, String fromCode, String toCode, CrosswalkStatus status, String proposedBy, Instant proposedAt,
                         @Nullable String reviewedBy, @Nullable Instant reviewedAt, @Nullable String confirmedBy,
                         @Nullable Instant confirmedAt) {
    }

    static Crosswalk of(Header header, List<Line> lines) {
        return new Crosswalk(header.id(), header.fromCode(), header.toCode(), header.status(), header.proposedBy(), header.proposedAt(),
                header.reviewedBy(), header.reviewedAt(), header.confirmedBy(), header.confirmedAt(), lines);
    }
}
