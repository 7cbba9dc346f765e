package tw.training.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One thing wrong with a request: the field (JSON path or parameter) or the line of an uploaded text.
 */
@Serdeable
public record InputError(@Nullable String field, @Nullable Integer line, String message) {

    public static InputError field(String field, String message) {
        return new InputError(field, null, message);
    }

    public static InputError line(@Nullable Integer line, String message) {
        return new InputError(null, line, message);
    }
}
