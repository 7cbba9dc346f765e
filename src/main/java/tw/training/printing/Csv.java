package tw.training.printing;

import java.util.List;

/**
 * CSV that opens cleanly in Excel: UTF-8 with a byte-order mark (so Chinese shows as written), CRLF line
 * ends, every field quoted, and nothing Excel would take for a formula.
 */
public final class Csv {

    private final StringBuilder text = new StringBuilder("\uFEFF");

    public Csv(List<String> header) {
        line(header);
    }

    public Csv line(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i) == null ? "" : fields.get(i);
            // a leading = + - @ would make Excel evaluate a formula: prefix it so it stays text
            if (!field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0) {
                field = "'" + field;
            }
            text.append(i == 0 ? "" : ",").append('"').append(field.replace("\"", "\"\"")).append('"');
        }
        text.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
