package tw.training.problem;

import tw.training.phrase.Phrase;

import io.micronaut.core.annotation.Nullable;

/**
 * One thing wrong with a request: the field (JSON path or parameter) or the line of an uploaded text, and what is
 * wrong with it, put into words when shown.
 */
public record InputError(@Nullable String field, @Nullable Integer line, Phrase phrase) {

    public static InputError field(String field, String key, Object... arguments) {
        return new InputError(field, null, Phrase.of(key, arguments));
    }

    public static InputError field(String field, Phrase phrase) {
        return new InputError(field, null, phrase);
    }

    public static InputError line(@Nullable Integer line, String key, Object... arguments) {
        return new InputError(null, line, Phrase.of(key, arguments));
    }

    public static InputError line(@Nullable Integer line, Phrase phrase) {
        return new InputError(null, line, phrase);
    }

    /** The words in English (logs, and the tests that read them). */
    public String message() {
        return phrase.english();
    }
}
