package tw.training.web;

import tw.training.phrase.Phrase;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of a CSV file as trainers send them (a roster, an item bank), read by Apache Commons CSV as RFC 4180 says:
 * quoted fields may hold commas ({@code "王, 小明"}), doubled quotes and line breaks; a byte-order mark is dropped. Each
 * row knows the line it starts on, for refusals that name it; an empty line is a row of one empty field, which callers skip.
 */
public final class CsvRows {

    /** Empty lines are rows (of one empty field), so that each row's line is the count of line breaks before it, plus one. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CsvRows() {
    }

    /** A row of the file and the line it starts on (1 the first). */
    public record Row(int line, List<String> fields) {

        /** The field in {@code column}, stripped; empty past the row's end. */
        public String field(int column) {
            return column < fields.size() ? fields.get(column).strip() : "";
        }
    }

    /** The file cannot be read as CSV from {@code line} on (a quoted field not closed). */
    public static final class Unreadable extends RuntimeException {

        private final int line;

        private final transient Phrase phrase;

        Unreadable(int line, String key) {
            super(Phrase.of(key).english());
            this.line = line;
            this.phrase = Phrase.of(key);
        }

        public Phrase phrase() {
            return phrase;
        }

        public int line() {
            return line;
        }
    }

    public static List<Row> of(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(body, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            // the parser counts line breaks consumed: a record starts on the line after the last one's end
            long consumed = 0;
            while (true) {
                int start = (int) consumed + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException unreadable) {
                    throw new Unreadable(start, "web.quoted-field-not-closed");
                }
                rows.add(new Row(start, record.toList()));
                consumed = parser.getCurrentLineNumber();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
