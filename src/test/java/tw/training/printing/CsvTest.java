package tw.training.printing;

import org.junit.jupiter.api.Test;
import tw.training.web.CsvRows;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the service writes as CSV opens in Excel as written, and reads back field for field (issue 28, point 15). */
class CsvTest {

    @Test
    void excelSafeAndReadBackExactly() {
        String written = new Csv(List.of("username", "displayName", "note")).line(List.of("wang", "王, 小明", "說 \"好\"\n第二行"))
                .line(List.of("lin", "=HYPERLINK(\"x\")", "+1")).toString();

        assertTrue(written.startsWith("\uFEFF\"username\",\"displayName\",\"note\"\r\n"), written);
        assertTrue(written.contains("\"'=HYPERLINK(\"\"x\"\")\",\"'+1\"\r\n"), "formulas stay text: " + written);
        List<CsvRows.Row> rows = CsvRows.of(written);
        assertEquals(List.of("wang", "王, 小明", "說 \"好\"\n第二行"), rows.get(1).fields());
        assertEquals(List.of(1, 2, 4), rows.stream().map(CsvRows.Row::line).toList(), "a row's line counts the line breaks inside quotes");
        assertEquals(List.of("lin", "'=HYPERLINK(\"x\")", "'+1"), rows.get(2).fields());
    }
}
