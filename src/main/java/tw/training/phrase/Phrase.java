package tw.training.phrase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A text the system says to a person (a refusal, a warning, a text it writes itself): a message key of
 * {@code i18n/phrases_*.properties} and its arguments. It is kept as key and arguments and put into words only when
 * shown, in the reader's language ({@link #in}); the key is also the stable machine {@code code} of a refusal.
 */
public record Phrase(String key, List<Object> arguments) {

    public Phrase {
        Objects.requireNonNull(key, "key");
        if (!Phrases.has(key)) {
            // fails the first test that reaches it rather than showing a raw key to someone
            throw new IllegalArgumentException("no phrase '" + key + "' in i18n/phrases_en.properties");
        }
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    public static Phrase of(String key, Object... arguments) {
        return new Phrase(key, Arrays.asList(arguments));
    }

    /**
     * A field of a form or body named in a refusal: its words ({@code field.<name>}: "title" is 名稱 in Chinese), or
     * the name as it is when the bundles do not name it (an API's own field names).
     */
    public static Phrase field(String name) {
        String key = "field." + name;
        return Phrases.has(key) ? of(key) : of("field.any", name);
    }

    /** The words in the language of {@code locale} (Traditional Chinese for any Chinese, else English). */
    public String in(Locale locale) {
        return Phrases.render(this, locale);
    }

    /** The words in English: the language of logs and of clients that ask for none. */
    public String english() {
        return in(Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return english();
    }
}
