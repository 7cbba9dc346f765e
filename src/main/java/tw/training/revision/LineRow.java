package tw.training.revision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A row of {@code crosswalk_line}: what became of one old item, or one item that is NEW. */
@MappedEntity("crosswalk_line")
record LineRow(@Id @GeneratedValue @MappedProperty("line_id") @Nullable Long id, long crosswalkId, int sortOrder, ItemKind itemKind,
               @Nullable String fromCode, @Nullable String toCode, Relation relation, double similarity, @Nullable String note) {
}
