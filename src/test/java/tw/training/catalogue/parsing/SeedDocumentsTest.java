package tw.training.catalogue.parsing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.DocumentKind;
import tw.training.catalogue.document.Note;
import tw.training.catalogue.document.Task;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.training.catalogue.parsing.Documents.BAS1499;
import static tw.training.catalogue.parsing.Documents.KMM5R0915;
import static tw.training.catalogue.parsing.Documents.KPS5294;
import static tw.training.catalogue.parsing.Documents.SEED_MODEL;
import static tw.training.catalogue.parsing.Documents.SEED_MODEL_CODE;
import static tw.training.catalogue.parsing.Documents.THM2431;
import static tw.training.catalogue.parsing.Documents.indicator;
import static tw.training.catalogue.parsing.Documents.knowledge;
import static tw.training.catalogue.parsing.Documents.parse;
import static tw.training.catalogue.parsing.Documents.skill;
import static tw.training.catalogue.parsing.Documents.task;

/** The five official documents of seeds/ are rebuilt exactly: every item, every text, every code. */
class SeedDocumentsTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            KPS5294 + ", KPS5294-001v4, ",
            THM2431 + ", THM2431-001v1, ",
            BAS1499 + ", BAS1499-001v4, ",
            KMM5R0915 + ", KMM5R0915v2, ",
            SEED_MODEL + ", " + SEED_MODEL_CODE + ", " + SEED_MODEL_CODE})
    void rebuildsEverySeedItemByItem(String path, String code, String suppliedCode) {
        CompetencyDocument document = parse(path, suppliedCode).document();

        assertEquals(code, document.code());
        assertEquals(DocumentOutline.expected(code), DocumentOutline.of(document));
    }

    @ParameterizedTest(name = "{0} has {1} indicators")
    @CsvSource({"KPS5294-001v4, 25", "THM2431-001v1, 53", "BAS1499-001v4, 13", "KMM5R0915v2, 18", "KPS3322-M01, 13"})
    void countsEveryIndicator(String code, int indicators) {
        Map<String, CompetencyDocument> seeds = List.of(parse(KPS5294), parse(THM2431), parse(BAS1499), parse(KMM5R0915),
                parse(SEED_MODEL, SEED_MODEL_CODE)).stream().map(ParsedDocument::document)
                .collect(Collectors.toMap(CompetencyDocument::code, d -> d));

        assertEquals(indicators, seeds.get(code).indicatorCount());
    }

    @Test
    void joinsTaskTitleAndIndicatorCutByPageBreaks() {
        CompetencyDocument kps = parse(KPS5294).document();

        assertEquals("達成個人績效", task(kps, "T1.2").title());
        assertEquals("依照組織政策，確認並有效地利用現有的資源，管理與顧客聯繫的協議。", indicator(kps, "P1.2.1").text());
        assertEquals("傾聽顧客詢問，並確實回應顧客建議及問題，完成組織紀錄文件。", indicator(kps, "P2.2.3").text());
        assertTrue(indicator(kps, "P2.2.3").text().endsWith("完成組織紀錄文件。"));
    }

    @Test
    void keepsTheEchoedTailOfAKnowledgeCellOnce() {
        CompetencyDocument kps = parse(KPS5294).document();

        assertEquals("組織產品、服務與顧客基本資料", knowledge(kps, "K01").text());
        assertEquals(List.of("K01", "K02", "K03", "K04"), task(kps, "T1.2").knowledge());
    }

    @Test
    void realignsRowsThatLostTheirResponsibilityCell() {
        CompetencyDocument kps = parse(KPS5294).document();
        Task complaints = task(kps, "T2.3");

        assertEquals("處理客訴", complaints.title());
        assertEquals("T2", complaints.responsibilityCode());
        assertEquals(3, complaints.level());
        assertEquals("O2.3.1", complaints.outputs().get(0).code());
        assertEquals(List.of("S01", "S02", "S03", "S05", "S06", "S07"), complaints.skills());
    }

    @Test
    void joinsTaskAndOutputTitlesCutByPageBreaks() {
        CompetencyDocument thm = parse(THM2431).document();
        Task proposal = task(thm, "T4.2");

        assertEquals("研擬活動企劃書", proposal.title());
        assertEquals("O4.2.1", proposal.outputs().get(0).code());
        assertEquals("活動企劃書", proposal.outputs().get(0).title());
        assertEquals("知道何時必須轉介以解決衝突和進行調解", skill(thm, "S04").text());
        assertEquals("以個人的能力、技巧和組織定位，在權責範圍內，依解決問題的規範流程進行溝通。", indicator(thm, "P1.1.9").text());
    }

    @Test
    void readsTheSixByThirteenAttitudeMatrix() {
        CompetencyDocument thm = parse(THM2431).document();
        String ticks = """
                A01 √ - √ √ √ - √ √ √ √ √ - -
                A02 √ √ - - √ √ - √ - - √ √ -
                A03 - √ √ - √ √ √ √ - - - - √
                A04 √ - √ √ - - √ √ √ - - √ √
                A05 - - √ √ - - √ √ √ - - √ √
                A06 - - √ √ - √ - - √ - - - √
                """;
        List<String> taskCodes = thm.tasks().stream().map(Task::code).toList();
        assertEquals(13, taskCodes.size());
        for (String row : ticks.strip().split("\n")) {
            String[] cells = row.split(" ");
            for (int column = 1; column < cells.length; column++) {
                Task task = task(thm, taskCodes.get(column - 1));
                assertEquals(cells[column].equals("√"), task.attitudes().contains(cells[0]), cells[0] + " for " + task.code());
            }
        }
        assertEquals(6, thm.attitudes().size());
        assertEquals("冒險挑戰", thm.attitudes().get(5).name());
    }

    @Test
    void removesFootnoteMarksAndKeepsThemAsReferences() {
        CompetencyDocument thm = parse(THM2431).document();

        assertEquals("以活動的概念在活動提案書中發展多項方案，方案可能包含各種異業結合模式。", indicator(thm, "P4.2.3").text());
        assertEquals(List.of("註7"), indicator(thm, "P4.2.3").footnotes());
        assertEquals("活動籌辦的主要環境和社會影響，以及降低影響的程序", knowledge(thm, "K24").text());
        assertEquals(List.of("註13"), knowledge(thm, "K24").footnotes());
        assertEquals(16, thm.notes().stream().filter(note -> note.label().startsWith("註")).count());
    }

    @Test
    void basT11KnowledgeContinuesOnTheNextPage() {
        CompetencyDocument bas = parse(BAS1499).document();

        assertTrue(task(bas, "T1.1").knowledge().contains("K06"));
        assertEquals("專案管理", knowledge(bas, "K06").text());
        assertEquals(4, task(bas, "T1.2").indicators().size());
        assertEquals("依客服專案目的及需求，規劃客服專案計畫內容。", indicator(bas, "P1.2.1").text());
    }

    @Test
    void modelK03ReadsWithoutItsMarkAndKeepsTheNote() {
        CompetencyDocument model = parse(SEED_MODEL, SEED_MODEL_CODE).document();

        assertEquals(DocumentKind.MODEL, model.kind());
        assertEquals("行銷學概念", knowledge(model, "K03").text());
        assertEquals(List.of("註1"), knowledge(model, "K03").footnotes());
        assertTrue(model.notes().contains(new Note("註1", "行銷學：聚焦 STP、4P、4C 基礎概念。")));
        assertEquals("維繫客戶關係", task(model, "T2.2").title());
    }

    @Test
    void unitHasFourTaskGroupsWithAssignedCodesAndEightMethods() {
        CompetencyDocument unit = parse(KMM5R0915).document();

        assertEquals(DocumentKind.UNIT, unit.kind());
        assertEquals(List.of(5, 5, 5, 3), unit.tasks().stream().map(task -> task.indicators().size()).toList());
        assertEquals(List.of("T1", "T2", "T3", "T4"), unit.tasks().stream().map(Task::code).toList());
        assertEquals("P4.3", unit.tasks().get(3).indicators().get(2).code());
        assertEquals(8, unit.assessment().methods().size());
        assertEquals("檢視銷售和客戶服務績效報告", unit.assessment().methods().get(7));
        assertEquals(5, unit.assessment().evidenceAspects().size());
        assertEquals(4, unit.assessment().contexts().size());
        assertEquals(14, unit.skills().size());
        assertEquals("S14", unit.skills().get(13).code());
        assertEquals("規劃和組織能力以在時限內設法完成任務", unit.skills().get(7).text());
        assertEquals(8, unit.knowledge().size());
        assertEquals(5, unit.level());
        assertEquals("行銷與銷售/行銷管理", unit.field());
    }

    @Test
    void versionTableKeepsEveryVersionWithIsoDates() {
        CompetencyDocument kps = parse(KPS5294).document();

        assertEquals(4, kps.versions().size());
        assertTrue(kps.versions().get(0).current());
        assertEquals("2025-06-15", kps.versions().get(0).date().toString());
        assertEquals("電話行銷服務助理", kps.versions().get(1).name());
        assertEquals("N8209", kps.industry().code());
        assertEquals("5294", kps.occupation().code());
    }
}
