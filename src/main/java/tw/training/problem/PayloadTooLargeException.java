package tw.training.problem;

import tw.training.phrase.Phrase;

/** An upload beyond the configured limits (size of a file, number of files). */
public final class PayloadTooLargeException extends DomainException {

    private static final long KB = 1024;
    private static final long MB = 1024 * KB;

    public PayloadTooLargeException(String key, Object... arguments) {
        this(Phrase.of(key, arguments));
    }

    public PayloadTooLargeException(Phrase phrase) {
        super(phrase);
    }

    /** A limit as people state it: "100 MB", "1.5 MB", "64 KB"; bytes only below a kilobyte. */
    public static String size(long bytes) {
        if (bytes >= MB) {
            return bytes % MB == 0 ? bytes / MB + " MB" : String.format(java.util.Locale.ROOT, "%.1f MB", (double) bytes / MB);
        }
        if (bytes >= KB) {
            return bytes % KB == 0 ? bytes / KB + " KB" : String.format(java.util.Locale.ROOT, "%.1f KB", (double) bytes / KB);
        }
        return bytes + " bytes";
    }
}
