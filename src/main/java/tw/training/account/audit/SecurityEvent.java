package tw.training.account.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One audited event.
 *
 * @param actor   who did it (null for an anonymous sign-in attempt)
 * @param subject the account it concerns
 * @param detail  what happened, in English (logs, the API, entries older than phrases)
 * @param detailPhrase the same as a phrase ({@link tw.training.phrase.PhraseJson}), for the trail's page
 */
@Serdeable
public record SecurityEvent(long id, Instant occurredAt, SecurityEventType type, @Nullable String actor,
                            @Nullable String subject, @Nullable String detail, @JsonIgnore @Nullable String detailPhrase) {
}
