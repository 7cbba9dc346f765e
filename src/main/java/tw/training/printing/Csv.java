package tw.training.printing;

import io.micronaut.core.annotation.Nullable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * CSV that opens cleanly in Excel: UTF-8 with a byte-order mark (so Chinese shows as written), CRLF line ends, every
 * field quoted (Apache Commons CSV writes it), and nothing Excel would take for a formula.
 */
public final class Csv {

    private static final CSVFormat EXCEL = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).setRecordSeparator("\r\n").get();

    private final StringBuilder text = new StringBuilder("\uFEFF");
    private final CSVPrinter printer;

    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    /** A time as the pages show it, in Taipei, with its offset so that a program reads it exactly: 2026-12-06T23:45:00+08:00. */
    public static String taipei(@Nullable Instant time) {
        return time == null ? "" : OffsetDateTime.ofInstant(time.truncatedTo(ChronoUnit.SECONDS), TAIPEI).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

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
