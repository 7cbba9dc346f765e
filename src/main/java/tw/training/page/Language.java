package tw.training.page;

import io.micronaut.http.HttpRequest;
import tw.training.phrase.Languages;

import java.util.Locale;
import java.util.Optional;

/**
 * The two languages of the pages: Traditional Chinese as used in Taiwan (the default) and English. The user's
 * choice (a cookie set by the switch in the layout) wins over the browser's {@code Accept-Language}.
 */
public enum Language {
    ZH_TW("zh-TW", "zh-Hant-TW", Locale.TRADITIONAL_CHINESE),
    EN("en", "en", Locale.ENGLISH);

    /** The value of the cookie and of the switch's form. */
    public final String tag;
    /** The {@code lang} attribute of the page. */
    public final String htmlLang;
    public final Locale locale;

    Language(String tag, String htmlLang, Locale locale) {
        this.tag = tag;
        this.htmlLang = htmlLang;
        this.locale = locale;
    }

    public static Optional<Language> ofTag(String tag) {
        for (Language language : values()) {
            if (language.tag.equalsIgnoreCase(tag)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** A page's language: the user's choice, else the browser's, else Traditional Chinese. */
    public static Language of(HttpRequest<?> request) {
        return chosen(request).or(() -> fromAcceptLanguage(request.getHeaders().get("Accept-Language"))).orElse(ZH_TW);
    }

    /** The language the user chose with the layout's switch, if they did. */
    public static Optional<Language> chosen(HttpRequest<?> request) {
        return SessionCookie.read(request, SessionCookie.LANGUAGE).flatMap(Language::ofTag);
    }

    /** The first of the browser's (or client's) languages that is one of ours; any Chinese reads as ours. */
    public static Optional<Language> fromAcceptLanguage(String header) {
        return Languages.accepted(header).map(locale -> locale.equals(Locale.ENGLISH) ? EN : ZH_TW);
    }
}
