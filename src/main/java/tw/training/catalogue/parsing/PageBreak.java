package tw.training.catalogue.parsing;

/**
 * Joins the two halves of a cell that a page break cut apart. PDF export sometimes repeats the last words
 * before the break at the top of the next page (…基本資料 / 資料 K02…); such a repeated tail is dropped
 * once, so nothing is doubled, and the caller reports it.
 */
final class PageBreak {

    /** Shorter repeats are as likely to be real text (…書 / 書) as an echo, so they are kept. */
    private static final int SHORTEST_ECHO = 2;

    private PageBreak() {
    }

    record Joined(String text, boolean echoDropped) {
    }

    static Joined join(String before, String after) {
        String head = before.stripTrailing();
        String tail = after.strip();
        if (tail.isEmpty()) {
            return new Joined(before, false);
        }
        if (head.isEmpty()) {
            return new Joined(tail, false);
        }
        if (tail.codePointCount(0, tail.length()) >= SHORTEST_ECHO && head.endsWith(tail)) {
            return new Joined(head, true);
        }
        return new Joined(head + Markup.glue(head, tail) + tail, false);
    }
}
