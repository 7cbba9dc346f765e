package tw.training.catalogue.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbered structure inside a unit's cells: headings 一、二、… (usually in {@code <p>}) and under each the
 * items 1. 2. … (in {@code <ol>} as plain numbers, or as {@code <li>} elements). A number only counts as a
 * marker where it continues the count, so "4P" or "2. 倍" inside a sentence stays text.
 */
final class Outline {

    enum Level { HEADING, ITEM }

    record Entry(Level level, int number, String text, List<String> footnotes) {
    }

    private static final String LIST_ITEM = "\u0001";
    private static final Pattern LI = Pattern.compile("<li\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER_AFTER_LI = Pattern.compile(LIST_ITEM + "\\s*\\d{1,3}[.．、](?!\\d)\\s*");
    private static final Pattern BREAKS = Pattern.compile("</?(?:p|ol|ul|li|div|br)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKER = Pattern.compile(
            "(?:^|(?<=\\s))(?:([〇一二三四五六七八九十]{1,3})、|(\\d{1,3})[.．、](?!\\d)|" + LIST_ITEM + ")");

    private Outline() {
    }

    static List<Entry> read(String html, Findings findings, int line, String what) {
        String listed = LI.matcher(html).replaceAll("\n" + LIST_ITEM + " ");
        // <li>1. …</li>: the element already numbers the item
        listed = NUMBER_AFTER_LI.matcher(listed).replaceAll(LIST_ITEM + " ");
        String text = BREAKS.matcher(listed).replaceAll("\n");
        List<Entry> entries = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        int heading = 0;
        int item = 0;
        int textStart = -1;
        Level pendingLevel = null;
        int pendingNumber = 0;
        String lead = null;
        while (m.find()) {
            Level level;
            int number;
            if (m.group(1) != null) {
                level = Level.HEADING;
                number = ChineseNumeral.value(m.group(1));
                if (number != heading + 1 && !(number > heading + 1 && startsLine(text, m.start()))) {
                    continue;
                }
                if (number != heading + 1) {
                    findings.warn(line, "catalogue.heading-follows-numbering-has-gap", what, m.group(1), heading);
                }
                heading = number;
                item = 0;
            } else {
                level = Level.ITEM;
                number = m.group(2) == null ? item + 1 : Integer.parseInt(m.group(2));
                if (number != item + 1 && !(number > item + 1 && startsLine(text, m.start()))) {
                    continue;
                }
                if (number != item + 1) {
                    findings.warn(line, "catalogue.item-follows-numbering-has-gap", what, number, item);
                }
                item = number;
            }
            if (pendingLevel != null) {
                entries.add(entry(pendingLevel, pendingNumber, text.substring(textStart, m.start())));
            } else {
                lead = text.substring(0, m.start());
            }
            pendingLevel = level;
            pendingNumber = number;
            textStart = m.end();
        }
        if (pendingLevel != null) {
            entries.add(entry(pendingLevel, pendingNumber, text.substring(textStart)));
        } else {
            lead = text;
        }
        if (lead != null && !Markup.clean(lead).text().isEmpty()) {
            findings.error(line, "catalogue.text-without-number", what, TaskTable.excerpt(Markup.clean(lead).text()));
        }
        return entries;
    }

    private static boolean startsLine(String text, int at) {
        int i = at - 1;
        while (i >= 0 && text.charAt(i) != '\n' && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i < 0 || text.charAt(i) == '\n';
    }

    private static Entry entry(Level level, int number, String raw) {
        Markup.Cleaned cleaned = Markup.clean(raw);
        return new Entry(level, number, cleaned.text(), cleaned.footnotes());
    }
}
