package tw.training.moderation;

import io.micronaut.core.annotation.Nullable;
import tw.training.problem.InputError;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Days as moderation speaks of them: Taiwan's, written yyyy-mm-dd. */
final class Days {

    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    private Days() {
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(TAIPEI));
    }

    /** When the day begins in Taiwan. */
    static Instant start(LocalDate day) {
        return day.atStartOfDay(TAIPEI).toInstant();
    }

    /** A day a form or body must give; a refusal naming {@code field} when it is absent or no day. */
    static LocalDate required(@Nullable String value, String field, List<InputError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(InputError.field(field, "moderation.day-required"));
            return null;
        }
        return optional(value, field, errors);
    }

    /** A day a form or body may give: absent is null. */
    static LocalDate optional(@Nullable String value, String field, List<InputError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(InputError.field(field, "moderation.day-must-be-date"));
            return null;
        }
    }
}
