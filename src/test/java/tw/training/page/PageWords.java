package tw.training.page;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a page shows a person (its text and the attributes a person reads or hears: labels, placeholders,
 * titles, alternative texts), and the faults of a page in one language that speaks another.
 */
final class PageWords {

    /** Three or more English words in a row: a sentence, not a code, a name or a file name. */
    private static final Pattern ENGLISH_RUN = Pattern.compile("(?<![\\w.@/-])[A-Za-z][a-z]+(?:[ ,;:'’]+[A-Za-z][a-z]+){2,}(?![\\w.@/-])");
    private static final Pattern CJK_PUNCTUATION = Pattern.compile("[，。：；「」『』（）、！？【】《》]");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern HIDDEN = Pattern.compile("(?is)<(script|style|template)\\b.*?</\\1>|<!--.*?-->");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern SPOKEN_ATTRIBUTE = Pattern.compile("(?i)\\s(?:aria-label|placeholder|title|alt|data-confirm)=\"([^\"]*)\"");

    private PageWords() {
    }

    /** Runs of English words in a page meant to be Chinese. */
    static List<String> englishRuns(String html) {
        List<String> runs = new ArrayList<>();
        for (String text : texts(html)) {
            Matcher run = ENGLISH_RUN.matcher(text);
            while (run.find()) {
                runs.add(run.group());
            }
        }
        return runs;
    }

    /**
     * Texts of an English page that hold Chinese punctuation but no Chinese character: interface strings, since a
     * Chinese title or indicator (content the page shows as it is) always holds Han characters.
     */
    static List<String> chinesePunctuation(String html) {
        return texts(html).stream().filter(text -> CJK_PUNCTUATION.matcher(text).find() && !HAN.matcher(text).find()).toList();
    }

    private static List<String> texts(String html) {
        String shown = HIDDEN.matcher(html).replaceAll(" ");
        List<String> texts = new ArrayList<>();
        Matcher attribute = SPOKEN_ATTRIBUTE.matcher(shown);
        while (attribute.find()) {
            texts.add(unescape(attribute.group(1)));
        }
        for (String text : TAG.split(shown)) {
            if (!text.isBlank()) {
                texts.add(unescape(text.strip()));
            }
        }
        return texts;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'")
                .replace("&amp;", "&");
    }
}
