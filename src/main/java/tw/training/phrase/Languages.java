package tw.training.phrase;

import java.util.Locale;
import java.util.Optional;

/** The two languages the system speaks, as a client's {@code Accept-Language} asks for them. */
public final class Languages {

    private Languages() {
    }

    /**
     * The first of the header's languages that is one of ours: Traditional Chinese for any Chinese, or English; empty
     * when it names neither (or cannot be read), so that pages and the API each choose their own default.
     */
    public static Optional<Locale> accepted(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String wanted = range.getRange().toLowerCase(Locale.ROOT);
                if (wanted.startsWith("zh")) {
                    return Optional.of(Locale.TRADITIONAL_CHINESE);
                }
                if (wanted.startsWith("en")) {
                    return Optional.of(Locale.ENGLISH);
                }
            }
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
