package tw.training.page;

import freemarker.template.TemplateMethodModelEx;
import tw.training.phrase.Phrase;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts of the pages in one language, from {@code i18n/pages_zh_TW.properties} or {@code i18n/pages_en.properties}
 * (UTF-8). Templates call {@code ${msg("key", arg…)}}; a key missing from the bundle fails the page rather than
 * showing a raw key, so a test that renders every page finds it.
 */
public final class Messages implements TemplateMethodModelEx {

    /** The bundles' patterns read once for the life of the server (they are immutable); empty for those MessageFormat reads. */
    private static final Map<Language, Map<String, Optional<MessagePattern>>> COMPILED = new ConcurrentHashMap<>();
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Language language;
    private final ResourceBundle bundle;
    /** Parsed patterns of this instance, which renders one page on one thread (MessageFormat is not thread-safe). */
    private final Map<String, MessageFormat> formats = new HashMap<>();
    /** Made on first use, kept for the page: a NumberFormat is costly to make and not thread-safe. */
    private NumberFormat numbers;

    public Messages(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("i18n.pages", language.locale, NO_FALLBACK);
    }

    public Language language() {
        return language;
    }

    public String get(String key, Object... arguments) {
        if (arguments.length == 0) {
            return bundle.getString(key);
        }
        // a page asks for the same few patterns hundreds of times (one per indicator)
        Optional<MessagePattern> compiled = COMPILED.computeIfAbsent(language, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> Optional.ofNullable(MessagePattern.of(bundle.getString(k))));
        String text = compiled.map(pattern -> pattern.format(arguments, this::numbers)).orElse(null);
        return text != null ? text : formats.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), language.locale)).format(arguments);
    }

    private NumberFormat numbers() {
        if (numbers == null) {
            numbers = NumberFormat.getInstance(language.locale);
        }
        return numbers;
    }

    /** A phrase (a refusal, a text the system wrote) in this language. */
    public String say(Phrase phrase) {
        return phrase.in(language.locale);
    }

    /** {@code ${say(phrase)}} for templates: a phrase of the model in this language. */
    public TemplateMethodModelEx sayer() {
        return arguments -> {
            if (arguments.size() != 1 || !(DeepUnwrap.unwrap((TemplateModel) arguments.get(0)) instanceof Phrase phrase)) {
                throw new TemplateModelException("say needs one phrase");
            }
            return say(phrase);
        };
    }

    /** The text for {@code key} when the bundle has one, else {@code fallback}. */
    public String getOr(String key, String fallback) {
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    @Override
    public Object exec(List arguments) throws TemplateModelException {
        if (arguments.isEmpty()) {
            throw new TemplateModelException("msg needs a key");
        }
        Object[] values = new Object[arguments.size() - 1];
        for (int i = 1; i < arguments.size(); i++) {
            values[i - 1] = DeepUnwrap.unwrap((TemplateModel) arguments.get(i));
        }
        String key = String.valueOf(DeepUnwrap.unwrap((TemplateModel) arguments.get(0)));
        try {
            return get(key, values);
        } catch (MissingResourceException missing) {
            throw new TemplateModelException("no message '" + key + "' in " + language.tag);
        }
    }
}
