package tw.training.catalogue.parsing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One line of the exported text with its 1-based number and its tab-separated cells, trimmed. */
record SourceLine(int number, String text, List<String> cells) {

    static List<SourceLine> split(String text) {
        String normalised = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] raw = normalised.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<SourceLine> lines = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            List<String> cells = Arrays.stream(raw[i].split("\t", -1)).map(String::strip).toList();
            lines.add(new SourceLine(i + 1, raw[i], cells));
        }
        return lines;
    }

    boolean isBlank() {
        return text.isBlank();
    }

    /** A label as the template prints it, without the spaces PDF layout scatters in it (所屬 類別). */
    static String label(String cell) {
        return cell.replaceAll("[\\s\\u3000]+", "");
    }

    String firstCell() {
        return cells.stream().filter(cell -> !cell.isEmpty()).findFirst().orElse("");
    }

    String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    /** Markdown table rulers (--- | ---) that some exports leave behind; they carry no text. */
    boolean isRuler() {
        return !isBlank() && text.replaceAll("[-:|\\s]", "").isEmpty();
    }
}
