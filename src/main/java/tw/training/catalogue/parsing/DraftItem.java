package tw.training.catalogue.parsing;

/** A coded item (indicator, output, K, S) as read so far; a page break may still add to its text. */
final class DraftItem {

    final String code;
    final int line;
    String raw;

    DraftItem(String code, String raw, int line) {
        this.code = code;
        this.raw = raw;
        this.line = line;
    }

    /** Appends the part of the text that the next page carried; says whether an echoed tail was dropped. */
    boolean continueWith(String fragment) {
        PageBreak.Joined joined = PageBreak.join(raw, fragment);
        raw = joined.text();
        return joined.echoDropped();
    }
}
