package tw.training.catalogue.parsing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PDF export leaves in cell text besides the words: footnote marks in three spellings, inline and
 * block HTML, entities, and spacing around all of these. Removing a mark or a tag must not glue two Latin
 * words together nor leave a space inside Chinese text, so the gap it leaves is closed by {@link #glue}.
 */
final class Markup {

    /** 【註1】, 【註 1】, ^[註1], ^{【註 13】}, **【註11】**, <sup>註1</sup>: each a reference to note 註N. */
    static final Pattern FOOTNOTE = Pattern.compile(
            "\\^\\{\\s*【\\s*註\\s*(\\d+)\\s*】\\s*}"
                    + "|\\^\\[\\s*註\\s*(\\d+)\\s*]"
                    + "|<sup>\\s*【?\\s*註?\\s*(\\d+)\\s*】?\\s*</sup>"
                    + "|\\*\\*\\s*【\\s*註\\s*(\\d+)\\s*】\\s*\\*\\*"
                    + "|【\\s*註\\s*(\\d+)\\s*】",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern INLINE_TAG = Pattern.compile(
            "</?(?:u|b|i|em|strong|span|sup|sub|font|a|small|mark)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "</?(?:p|ol|ul|li|div|br|table|tbody|thead|tr|td|th|h[1-6])\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final char GAP = '\u0000';
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\r\\n]+");

    private Markup() {
    }

    /** Text with marks, tags and entities removed, and the labels (註N) of the footnotes it referred to. */
    record Cleaned(String text, List<String> footnotes) {
    }

    static Cleaned clean(String raw) {
        Set<String> footnotes = new LinkedHashSet<>();
        String text = removeFootnotes(raw, footnotes);
        text = INLINE_TAG.matcher(text).replaceAll(String.valueOf(GAP));
        text = BLOCK_TAG.matcher(text).replaceAll(" ");
        text = ANY_TAG.matcher(text).replaceAll(String.valueOf(GAP));
        text = decodeEntities(text);
        text = closeGaps(text);
        text = SPACES.matcher(text).replaceAll(" ").strip();
        return new Cleaned(text, List.copyOf(footnotes));
    }

    /** Block tags (paragraphs, list items) only separate words; code splitting sees them as spaces. */
    static String flattenBlocks(String raw) {
        return BLOCK_TAG.matcher(raw).replaceAll(" ");
    }

    static String removeFootnotes(String raw, Set<String> labels) {
        Matcher m = FOOTNOTE.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            labels.add("註" + number(m));
            m.appendReplacement(out, String.valueOf(GAP));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String number(Matcher footnote) {
        for (int group = 1; group <= footnote.groupCount(); group++) {
            if (footnote.group(group) != null) {
                return footnote.group(group);
            }
        }
        throw new IllegalStateException("footnote pattern matched without a number");
    }

    /**
     * Replaces each gap (with the spaces around it) by what {@link #glue} says, in one pass: each character is
     * looked at a bounded number of times, whatever the number of gaps.
     */
    private static String closeGaps(String text) {
        if (text.indexOf(GAP) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int gap = text.indexOf(GAP); gap >= 0; gap = text.indexOf(GAP, copied)) {
            int start = gap;
            while (start > copied && isGapSpace(text.charAt(start - 1))) {
                start--;
            }
            int end = gap;
            while (end < text.length() && (isGapSpace(text.charAt(end)) || text.charAt(end) == GAP)) {
                end++;
            }
            out.append(text, copied, start).append(glue(text, start, end));
            copied = end;
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static boolean isGapSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0';
    }

    /** {@link #glue(String, String)} for the text around {@code text[start, end)}, without copying either side. */
    private static String glue(String text, int start, int end) {
        int left = start;
        while (left > 0 && Character.isWhitespace(text.charAt(left - 1))) {
            left--;
        }
        int right = end;
        while (right < text.length() && Character.isWhitespace(text.charAt(right))) {
            right++;
        }
        if (left == 0 || right == text.length()) {
            return "";
        }
        return isCjk(text.codePointBefore(left)) && isCjk(text.codePointAt(right)) ? "" : " ";
    }

    /**
     * What to put between two pieces of text that were apart in the source (a removed mark, a page break):
     * nothing inside Chinese text, one space where either side is not Chinese, nothing at either end.
     */
    static String glue(String before, String after) {
        String left = before.stripTrailing();
        String right = after.stripLeading();
        if (left.isEmpty() || right.isEmpty()) {
            return "";
        }
        int last = left.codePointBefore(left.length());
        int first = right.codePointAt(0);
        return isCjk(last) && isCjk(first) ? "" : " ";
    }

    /** Han characters and the full-width punctuation that goes with them. */
    static boolean isCjk(int codePoint) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.BOPOMOFO
                || block == Character.UnicodeBlock.GENERAL_PUNCTUATION && codePoint != ' ';
    }

    private static String decodeEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return text.replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** Splits text into lines at block tags, for notes whose lists should stay readable as lines. */
    static List<String> blockLines(String raw) {
        String marked = BLOCK_TAG.matcher(raw).replaceAll("\n");
        List<String> lines = new ArrayList<>();
        for (String line : marked.split("\n")) {
            String text = clean(line).text();
            if (!text.isEmpty()) {
                lines.add(text);
            }
        }
        return lines;
    }
}
