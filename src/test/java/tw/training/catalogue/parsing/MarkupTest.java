package tw.training.catalogue.parsing;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Cleaning cell text: gaps left by removed marks are closed by the rule of {@link Markup#glue}, in one pass. The
 * time limit is not a speed target: the pass takes milliseconds, where the former regular expression took hours
 * on this input; the limit only turns a hang into a failure.
 */
class MarkupTest {

    private static final Duration HANG = Duration.ofSeconds(60);

    @Test
    void gapsCloseWithoutSpacesInsideChineseAndWithOneBetweenLatinWords() {
        assertEquals("核對旅客證件並登錄", Markup.clean("核對旅客證件<sup>註1</sup>並<u>登錄</u>").text());
        assertEquals("check in guests", Markup.clean("check<u> in</u>  <b>guests</b>").text());
        assertEquals("資料 K02", Markup.clean("資料<u>K02</u>").text());
        assertEquals("", Markup.clean("<u></u> <ol></ol>").text());
    }

    @Test
    void aMillionTagsAreCleanedInOnePass() {
        String hostile = "開始" + "<ol>".repeat(500_000) + "中間" + "<u>字</u> ".repeat(200_000) + "結束";

        String text = assertTimeoutPreemptively(HANG, () -> Markup.clean(hostile).text());

        assertEquals("開始 中間" + "字".repeat(200_000) + "結束", text);
    }
}
