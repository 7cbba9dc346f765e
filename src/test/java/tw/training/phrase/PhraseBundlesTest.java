package tw.training.phrase;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The phrases the system says (refusals, warnings, texts it writes) exist in both languages with the same keys, every
 * pattern reads, English holds no Chinese punctuation, and every key the code names is in the bundles.
 */
class PhraseBundlesTest {

    /** Chinese (full-width) punctuation, which has no place in an English sentence. */
    private static final Pattern CJK_PUNCTUATION = Pattern.compile("[，。：；「」『』（）、！？【】《》～]");
    /**
     * A phrase key as the code names it: the literal a refusal, a phrase or a finding is made with (a key chosen by an
     * expression is checked where the phrase is made: {@link Phrase} refuses a key the bundles lack).
     */
    private static final Pattern KEY_LITERAL = Pattern.compile("(?:(?:NotFound|Conflict|Forbidden|PayloadTooLarge|UnsupportedContent)Exception\\(|TooManyRequestsException\\([^,()]+,\\s*|Phrase\\.of\\(|InvalidInputException\\.of\\([^,()]+,\\s*"
            + "|InputError\\.(?:field|line)\\([^,()]+(?:\\([^()]*\\))?,\\s*|findings\\.(?:error|warn)\\((?:[^,()\"]+,\\s*)?)\"([a-z][^\"]*)\"");

    private final Properties english = bundle("en");
    private final Properties chinese = bundle("zh_TW");

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() {
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(chinese.stringPropertyNames()));
        List<String> blank = Stream.of(english, chinese).flatMap(words -> words.stringPropertyNames().stream()
                .filter(key -> words.getProperty(key).isBlank() && !key.equals("list.separator"))).toList();
        assertEquals(List.of(), blank);
    }

    @Test
    void everyPatternReadsAndTakesTheSameArgumentsInBothLanguages() {
        List<String> faults = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            try {
                int inEnglish = new MessageFormat(english.getProperty(key), Locale.ENGLISH).getFormatsByArgumentIndex().length;
                int inChinese = new MessageFormat(chinese.getProperty(key), Locale.TRADITIONAL_CHINESE).getFormatsByArgumentIndex().length;
                if (inEnglish != inChinese) {
                    faults.add(key + ": " + inEnglish + " arguments in English, " + inChinese + " in Chinese");
                }
            } catch (IllegalArgumentException unreadable) {
                faults.add(key + ": " + unreadable.getMessage());
            }
        }
        assertEquals(List.of(), faults);
    }

    @Test
    void englishHoldsNoChinesePunctuation() {
        List<String> found = english.stringPropertyNames().stream()
                .filter(key -> CJK_PUNCTUATION.matcher(english.getProperty(key)).find()).sorted().toList();
        assertEquals(List.of(), found);
    }

    @Test
    void everyKeyTheCodeNamesIsInTheBundles() throws IOException {
        int named = 0;
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher literal = KEY_LITERAL.matcher(Files.readString(source));
                while (literal.find()) {
                    String key = literal.group(1);
                    named++;
                    if (!key.endsWith(".") && !english.containsKey(key)) {
                        missing.add(key + " (" + source.getFileName() + ")");
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
        assertTrue(named > 300, "the scan finds the keys the code names: " + named);
    }

    @Test
    void argumentsAreWrittenAsPeopleReadThem() {
        Phrase phrase = Phrase.of("evidence.method-must-one", List.of(tw.training.course.AssessmentMethod.OBSERVATION,
                tw.training.course.AssessmentMethod.PORTFOLIO));

        assertEquals("method must be one of OBSERVATION, PORTFOLIO", phrase.english());
        assertEquals("評量方式須為下列之一：實作觀察、作品集審查", phrase.in(Locale.TRADITIONAL_CHINESE));
        assertEquals("第 2 次作答已結束（2026-12-06 18:30 時間到結束），不再接受作答", Phrase.of("writtentest.attempt-closed-it-takes-no", 2,
                tw.training.writtentest.AttemptStatus.TIMED_OUT, java.time.Instant.parse("2026-12-06T10:30:00Z")).in(Locale.TRADITIONAL_CHINESE));
        assertEquals("at most 12000 judgements at once", Phrase.of("evidence.most-judgements-once", 12000).english(),
                "ids and counts are written without grouping");
    }

    @Test
    void aKeyTheBundlesDoNotHaveIsRefusedWhereItIsMade() {
        assertThrows(IllegalArgumentException.class, () -> Phrase.of("course.no-such-phrase"));
    }

    private static Properties bundle(String language) {
        Properties words = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/i18n/phrases_" + language + ".properties"), StandardCharsets.UTF_8)) {
            words.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return words;
    }
}
