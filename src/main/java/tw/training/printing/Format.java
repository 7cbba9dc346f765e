package tw.training.printing;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;
import java.util.Set;

/** The forms a document is handed out in, and which one an {@code Accept} header asks for. */
public enum Format {
    JSON("application/json"), HTML("text/html"), CSV("text/csv"), PDF("application/pdf");

    private final String mediaType;

    Format(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * The first of the {@code offered} formats the header names, in the order it names them (q-values are not
     * weighed: clients that want one of these ask for it first); {@code fallback} when it names none.
     */
    public static Format wanted(@Nullable String accept, Set<Format> offered, Format fallback) {
        if (accept != null) {
            for (String part : accept.split(",")) {
                String type = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
                for (Format format : offered) {
                    if (format.mediaType.equals(type)) {
                        return format;
                    }
                }
            }
        }
        return fallback;
    }
}
