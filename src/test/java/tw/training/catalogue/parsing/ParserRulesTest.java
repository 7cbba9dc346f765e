package tw.training.catalogue.parsing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules the parser applies, one at a time, on the smallest text that shows each. */
class ParserRulesTest {

    private static final String HEADER = "主要職責\t工作任務\t工作產出\t行為指標\t職能級別\t職能內涵 (K=knowledge 知識)\t職能內涵 (S=skills 技能)";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "行銷學 ^[註1] 概念              | 行銷學概念 | [註1]",
            "技巧 ^{【註 15】}               | 技巧       | [註15]",
            "溝通策略【註1】。               | 溝通策略。 | [註1]",
            "證件<sup>註1</sup>並登錄        | 證件並登錄 | [註1]",
            "**【註11】** 功能               | 功能       | [註11]",
            "方案， <u>方案</u> ^{【註 7】} 可能 | 方案，方案可能 | [註7]",
            "STP <b>4P</b> 4C               | STP 4P 4C  | []",
            "A &amp; B                      | A & B      | []"})
    void removesMarksAndTagsWithoutGluingOrSpacingWords(String raw, String text, String footnotes) {
        Markup.Cleaned cleaned = Markup.clean(raw);

        assertEquals(text, cleaned.text());
        assertEquals(footnotes, cleaned.footnotes().toString());
    }

    @Test
    void joinsChineseWithoutSpaceAndLatinWithOne() {
        assertEquals("問題", PageBreak.join("問", "題").text());
        assertEquals("outputs end", PageBreak.join("outputs", "end").text());
        assertEquals("效果 8. 檢視", PageBreak.join("效果", "8. 檢視").text());
    }

    @Test
    void dropsATailEchoedAfterThePageBreakOnlyWhenItIsLongEnough() {
        assertEquals(new PageBreak.Joined("基本資料", true), PageBreak.join("基本資料", "資料"));
        assertEquals(new PageBreak.Joined("計畫書書", false), PageBreak.join("計畫書", "書"));
    }

    @ParameterizedTest
    @CsvSource({"一, 1", "九, 9", "十, 10", "十四, 14", "二十, 20", "二十一, 21", "甲, -1"})
    void readsChineseNumerals(String numeral, int value) {
        assertEquals(value, ChineseNumeral.value(numeral));
    }

    @Test
    void refusesTextThatIsNoIcapDocumentNamingItsLines() {
        UnreadableDocumentException refused = assertThrows(UnreadableDocumentException.class,
                () -> new DocumentParser().parse("hello\n\nworld", null));

        assertTrue(said(refused.errors()).contains("1: not understood: 'hello'"), refused.errors().toString());
        assertTrue(said(refused.errors()).contains("3: not understood: 'world'"), refused.errors().toString());
    }

    @Test
    void refusesIndicatorTextWithoutACodeAtItsLine() {
        String text = standard("T1 職責\tT1.1 任務\t\t沒有代碼的指標\t3\tK01 知識\tS01 技能");

        UnreadableDocumentException refused = assertThrows(UnreadableDocumentException.class,
                () -> new DocumentParser().parse(text, null));

        assertEquals(List.of("6: indicator text without a code: '沒有代碼的指標'"), said(refused.errors()));
    }

    @Test
    void refusesALevelThatIsNotANumber() {
        String text = standard("T1 職責\tT1.1 任務\t\tP1.1.1 指標。\t三\tK01 知識\tS01 技能");

        UnreadableDocumentException refused = assertThrows(UnreadableDocumentException.class,
                () -> new DocumentParser().parse(text, null));

        assertEquals(List.of("6: level '三' is not a number"), said(refused.errors()));
    }

    @Test
    void refusesADocumentWithoutTasks() {
        UnreadableDocumentException refused = assertThrows(UnreadableDocumentException.class,
                () -> new DocumentParser().parse("職能基準代碼\tTST0001-001v1\n職業\t測試\n", null));

        assertTrue(said(refused.errors()).contains("the document has no tasks"), refused.errors().toString());
    }

    @Test
    void refusesTheSameIndicatorTwice() {
        String text = standard("T1 職責\tT1.1 任務\t\tP1.1.1 指標。 P1.1.1 再一次。\t3\tK01 知識\tS01 技能");

        UnreadableDocumentException refused = assertThrows(UnreadableDocumentException.class,
                () -> new DocumentParser().parse(text, null));

        assertEquals(List.of("indicator P1.1.1 appears twice"), said(refused.errors()));
    }

    @Test
    void refusesACodeGivenByTheCallerThatDiffersFromTheText() {
        String text = standard("T1 職責\tT1.1 任務\t\tP1.1.1 指標。\t3\tK01 知識\tS01 技能");

        UnreadableDocumentException refused = assertThrows(UnreadableDocumentException.class,
                () -> new DocumentParser().parse(text, "OTHER-001v1"));

        assertEquals(List.of("the document's code is TST0001-001v1, not OTHER-001v1"), said(refused.errors()));
    }

    @Test
    void warnsOfFootnotesThatNoNoteExplains() {
        String text = standard("T1 職責\tT1.1 任務\t\tP1.1.1 指標【註9】。\t3\tK01 知識\tS01 技能");

        ParsedDocument parsed = new DocumentParser().parse(text, null);

        assertEquals(List.of("註9 is referred to by P1.1.1 but is not among the notes"), said(parsed.warnings()));
    }

    @Test
    void warnsOfTasksWithoutIndicators() {
        String text = standard("T1 職責\tT1.1 任務\t\tP1.1.1 指標。\t3\tK01 知識\tS01 技能\n"
                + "\tT1.2 空的任務\t\t\t3\t\t");

        ParsedDocument parsed = new DocumentParser().parse(text, null);

        assertTrue(said(parsed.warnings()).contains("task T1.2 has no indicators"), parsed.warnings().toString());
        assertFalse(parsed.document().tasks().isEmpty());
    }

    /** A minimal standard: code and name, then the task table header on line 5 and the given rows from line 6. */
    private static String standard(String rows) {
        return "職能基準代碼\tTST0001-001v1\n職業\t測試人員\n基準級別\t3\n\n" + HEADER + "\n" + rows;
    }

    /** Each finding as "line: English words", the way a reader of the import's answer sees it. */
    private static List<String> said(List<Finding> findings) {
        return findings.stream().map(finding -> (finding.line() == null ? "" : finding.line() + ": ") + finding.message()).toList();
    }
}
