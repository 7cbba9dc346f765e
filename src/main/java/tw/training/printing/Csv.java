package tw.training.printing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * CSV that opens cleanly in Excel: UTF-8 with a byte-order mark (so Chinese shows as written), CRLF line ends, every
 * field quoted (Apache Commons CSV writes it), and nothing Excel would take for a formula.
 */
public final class Csv {

    private static final CSVFormat EXCEL = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).setRecordSeparator("\r\n").get();

    private final StringBuilder text = new StringBuilder("\uFEFF");
    private final CSVPrinter printer;

    public Csv(List<String> header) {
        try {
            printer = new CSVPrinter(text, EXCEL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        line(header);
    }

    public Csv line(List<String> fields) {
        try {
            printer.printRecord(fields.stream().map(Csv::inert).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A leading = + - @ would make Excel evaluate a formula: prefixed, it stays text. */
    private static String inert(String field) {
        String value = field == null ? "" : field;
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
