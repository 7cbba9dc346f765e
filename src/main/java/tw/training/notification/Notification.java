package tw.training.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of {@code notification}: title and body are phrases as JSON, the body one phrase per line. */
@MappedEntity("notification")
record Notification(@Id @GeneratedValue @MappedProperty("notification_id") @Nullable Long id, long userId, NotificationKind kind, String title,
                    @Nullable String body, String link, Instant createdAt, @Nullable Instant readAt, Delivery delivery,
                    @Nullable Instant digestedAt) {
}
