package tw.training.catalogue.parsing;

import org.junit.jupiter.api.Test;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.DocumentKind;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.training.catalogue.parsing.Documents.FRONT_DESK_STANDARD;
import static tw.training.catalogue.parsing.Documents.GUEST_SERVICES_UNIT;
import static tw.training.catalogue.parsing.Documents.NIGHT_AUDIT_MODEL;
import static tw.training.catalogue.parsing.Documents.indicator;
import static tw.training.catalogue.parsing.Documents.knowledge;
import static tw.training.catalogue.parsing.Documents.parse;
import static tw.training.catalogue.parsing.Documents.skill;
import static tw.training.catalogue.parsing.Documents.task;

/**
 * Three documents written for these tests in the published layouts, with the same hazards in other
 * places and spellings than the seeds: the parser is general, not fitted to five files.
 */
class FurtherDocumentsTest {

    @Test
    void standardIsRebuiltItemByItem() {
        ParsedDocument parsed = parse(FRONT_DESK_STANDARD);

        assertEquals(DocumentOutline.expected("standard-front-desk"), DocumentOutline.of(parsed.document()));
    }

    @Test
    void standardSurvivesPageBreaksShiftedRowsHtmlAndEveryFootnoteSpelling() {
        CompetencyDocument standard = parse(FRONT_DESK_STANDARD).document();

        assertEquals("處理客人特殊需求", task(standard, "T1.3").title());
        assertEquals("特殊需求紀錄表", task(standard, "T1.3").outputs().get(0).title());
        assertEquals("記錄旅客之特殊需求，並通知相關部門處理。", indicator(standard, "P1.3.1").text());
        assertEquals("溝通協調能力", skill(standard, "S02").text());
        assertEquals("緊急應變程序", knowledge(standard, "K05").text());
        assertEquals("T1", task(standard, "T1.2").responsibilityCode());
        assertEquals(List.of("O1.2.1", "O1.2.2"), task(standard, "T1.2").outputs().stream().map(o -> o.code()).toList());
        assertEquals("說明房間設施與早餐時間。", indicator(standard, "P1.2.2").text());
        assertEquals(List.of("註1"), indicator(standard, "P1.1.2").footnotes());
        assertEquals("核對住宿及消費明細，計算應收金額。", indicator(standard, "P2.1.1").text());
        assertEquals("傾聽旅客抱怨並記錄內容。", indicator(standard, "P2.2.1").text());
        assertEquals(List.of("註4"), skill(standard, "S06").footnotes());
        assertEquals("個人資料保護法相關規定", knowledge(standard, "K02").text());
        assertEquals("2024-08-30", standard.versions().get(0).date().toString(), "民國 113/08/30");
    }

    @Test
    void standardMatrixSplitOverTwoPagesCoversEveryTask() {
        CompetencyDocument standard = parse(FRONT_DESK_STANDARD).document();

        assertEquals(List.of("A01", "A02"), task(standard, "T1.1").attitudes());
        assertEquals(List.of("A01", "A03"), task(standard, "T2.2").attitudes());
        assertEquals("對於任務的執行過程，能謹慎考量及處理所有細節。", standard.attitudes().get(1).description());
    }

    @Test
    void standardReportsWhatItRepaired() {
        List<Finding> warnings = parse(FRONT_DESK_STANDARD).warnings();

        assertEquals(List.of(
                "20: row lacked its first 1 cell(s); realigned by its codes",
                "27: '程序' after the page break repeats the end of K05; kept once",
                "24: T1.3 has no skills of its own; shares T1.2's (merged cell)"), said(warnings));
    }

    @Test
    void unitWithListItemsIsRebuiltItemByItem() {
        CompetencyDocument unit = parse(GUEST_SERVICES_UNIT).document();

        assertEquals(DocumentOutline.expected("unit-guest-services"), DocumentOutline.of(unit));
        assertEquals(DocumentKind.UNIT, unit.kind());
        assertEquals("於約定時間內回覆旅客處理結果", indicator(unit, "P2.2").text());
        assertEquals(List.of("實作觀察", "口頭問答", "工作產出審查"), unit.assessment().methods());
        assertEquals("S02", unit.skills().get(1).code());
    }

    @Test
    void modelWithoutCodeNeedsOneFromTheCaller() {
        UnreadableDocumentException refused = assertThrows(UnreadableDocumentException.class, () -> parse(NIGHT_AUDIT_MODEL));

        assertTrue(refused.errors().get(0).message().contains("?code="), refused.errors().toString());
    }

    @Test
    void modelIsRebuiltItemByItemUnderTheGivenCode() {
        CompetencyDocument model = parse(NIGHT_AUDIT_MODEL, "THM4224-M02").document();

        assertEquals(DocumentOutline.expected("model-night-audit"), DocumentOutline.of(model));
        assertEquals("產出稽核報告", task(model, "T1.2").title());
        assertEquals("會計基本概念", knowledge(model, "K01").text());
    }

    @Test
    void modelReportsTheGapAndTheUndefinedKnowledge() {
        List<Finding> warnings = parse(NIGHT_AUDIT_MODEL, "THM4224-M02").warnings();

        assertEquals(List.of(
                "knowledge K99 is referred to by T2.1 but never defined",
                "expected indicator P2.1.2 but found P2.1.3 (gap or misnumbering)"), said(warnings));
    }

    /** Each finding as "line: English words", the way a reader of the import's answer sees it. */
    private static List<String> said(List<Finding> findings) {
        return findings.stream().map(finding -> (finding.line() == null ? "" : finding.line() + ": ") + finding.message()).toList();
    }
}
