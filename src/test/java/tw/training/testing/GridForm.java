package tw.training.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The judging grid's form as a browser without script would send it: read from the page (its hidden fields, each
 * judgeable cell's token and column), then filled with the outcomes chosen for some cells.
 */
public final class GridForm {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern COLUMN = Pattern.compile("<th scope=\"col\" id=\"c-(\\d+)\"[^>]*>([^<]+)</th>");
    private static final Pattern CELL = Pattern.compile("<select name=\"outcome:(\\d+):(\\d+)\"");

    private final Map<String, String> hidden = new LinkedHashMap<>();
    private final Map<String, String> cells = new LinkedHashMap<>();

    private GridForm(String page) {
        int form = page.indexOf("id=\"grid-form\"");
        if (form < 0) {
            throw new AssertionError("no grid form in the page");
        }
        String body = page.substring(form, page.indexOf("</form>", form));
        Matcher field = HIDDEN.matcher(body);
        while (field.find()) {
            hidden.put(field.group(1), field.group(2));
        }
        Map<String, String> codes = new LinkedHashMap<>();
        Matcher column = COLUMN.matcher(body);
        while (column.find()) {
            codes.put(column.group(1), column.group(2));
        }
        Matcher cell = CELL.matcher(body);
        while (cell.find()) {
            cells.put(cell.group(1) + "/" + codes.get(cell.group(2)), cell.group(1) + ":" + cell.group(2));
        }
    }

    public static GridForm of(String page) {
        return new GridForm(page);
    }

    /** The key of an enrollment's cell for an indicator code ("P2.3.1"), if the page has it as a judgeable cell. */
    public String key(long enrollment, String code) {
        String key = cells.get(enrollment + "/" + code);
        if (key == null) {
            throw new AssertionError("no judgeable cell for enrollment " + enrollment + " and " + code + " in the grid");
        }
        return key;
    }

    public boolean judgeable(long enrollment, String code) {
        return cells.containsKey(enrollment + "/" + code);
    }

    /** The keys of the page's judgeable cells, in page order. */
    public List<String> keys() {
        return List.copyOf(cells.values());
    }

    /** The form's fields with these outcomes (by cell key) and comment: every hidden field, every cell's choice. */
    public List<Map.Entry<String, String>> with(Map<String, String> outcomes, String comment) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(hidden.entrySet());
        cells.values().forEach(key -> fields.add(Map.entry("outcome:" + key, outcomes.getOrDefault(key, ""))));
        fields.add(Map.entry("comment", comment));
        return fields;
    }
}
