package tw.training.catalogue.parsing;

import java.util.ArrayList;
import java.util.List;

/** A task row as read so far, with everything the rows below it (after a page break) may still add. */
final class DraftTask {

    final String code;
    final int line;
    final String responsibilityCode;
    final DraftItem title;
    Integer level;
    final List<DraftItem> outputs = new ArrayList<>();
    final List<DraftItem> indicators = new ArrayList<>();
    final List<DraftItem> knowledge = new ArrayList<>();
    final List<DraftItem> skills = new ArrayList<>();
    final List<String> attitudes = new ArrayList<>();

    DraftTask(String code, String title, String responsibilityCode, int line) {
        this.code = code;
        this.title = new DraftItem(code, title, line);
        this.responsibilityCode = responsibilityCode;
        this.line = line;
    }
}
