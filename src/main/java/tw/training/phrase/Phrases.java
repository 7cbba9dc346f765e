package tw.training.phrase;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * Puts {@link Phrase}s into words from the two bundles {@code i18n/phrases_en.properties} and
 * {@code i18n/phrases_zh_TW.properties} (UTF-8, the same keys). Arguments are written as people read them: an enum
 * by its {@code enum.<Type>.<NAME>} text, an instant in Taipei time, a list joined as the language joins lists,
 * a number without grouping (ids and counts), a phrase in the same language.
 */
final class Phrases {

    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("i18n.phrases", Locale.ENGLISH, NO_FALLBACK);
    private static final ResourceBundle CHINESE = ResourceBundle.getBundle("i18n.phrases", Locale.TRADITIONAL_CHINESE, NO_FALLBACK);
    /** The pages show times in Taipei time; so do the refusals that name one (a test's closing, say). */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Taipei"));

    private Phrases() {
    }

    static boolean has(String key) {
        return ENGLISH.containsKey(key);
    }

    static String render(Phrase phrase, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        Object[] words = phrase.arguments().stream().map(argument -> word(argument, bundle, locale)).toArray();
        String pattern = bundle.getString(phrase.key());
        return words.length == 0 && pattern.indexOf('\'') < 0 ? pattern : new MessageFormat(pattern, locale).format(words);
    }

    private static ResourceBundle bundle(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    private static String word(Object argument, ResourceBundle bundle, Locale locale) {
        if (argument == null) {
            return "";
        }
        if (argument instanceof Phrase phrase) {
            return render(phrase, locale);
        }
        if (argument instanceof Enum<?> value) {
            String key = "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
            return bundle.containsKey(key) ? bundle.getString(key) : value.name();
        }
        if (argument instanceof Instant instant) {
            return TIME.format(instant);
        }
        if (argument instanceof OffsetDateTime time) {
            return TIME.format(time.toInstant());
        }
        if (argument instanceof Collection<?> items) {
            return items.stream().map(item -> word(item, bundle, locale)).collect(Collectors.joining(bundle.getString("list.separator")));
        }
        if (argument instanceof Object[] items) {
            return word(java.util.Arrays.asList(items), bundle, locale);
        }
        return String.valueOf(argument);
    }
}
