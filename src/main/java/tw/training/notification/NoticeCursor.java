package tw.training.notification;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** Where telling judgements stands: every judgement of a transparency-log leaf before {@code position} was told. */
@MappedEntity("notice_cursor")
record NoticeCursor(@Id @MappedProperty("cursor_id") int id, long position) {
}
