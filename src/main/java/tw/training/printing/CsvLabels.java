package tw.training.printing;

import io.micronaut.core.annotation.Nullable;

import java.util.function.Function;

/**
 * The words of a CSV: for a person, its headers and coded values (statuses, yes and no) in their language, looked up
 * by message key; for a program ({@code ?headers=en}, or an API client that asks for no language), the stable English
 * keys and the codes as they are. Times are the same for both: Taipei time with its offset ({@link Csv#taipei}).
 */
public final class CsvLabels {

    private static final CsvLabels MACHINE = new CsvLabels(null);

    @Nullable
    private final Function<String, String> messages;

    private CsvLabels(@Nullable Function<String, String> messages) {
        this.messages = messages;
    }

    /** The stable English keys and raw codes. */
    public static CsvLabels forMachines() {
        return MACHINE;
    }

    /** Words from {@code messages} (a message key to its text in the reader's language). */
    public static CsvLabels inWords(Function<String, String> messages) {
        return new CsvLabels(messages);
    }

    /** A column's header: {@code key} for machines, {@code csv.<table>.<key>} in words. */
    public String header(String table, String key) {
        return messages == null ? key : messages.apply("csv." + table + "." + key);
    }

    /** A coded value: the code for machines, {@code <prefix>.<code>} in words. */
    public String code(String prefix, @Nullable Enum<?> code) {
        if (code == null) {
            return "";
        }
        return messages == null ? code.name() : messages.apply(prefix + "." + code.name());
    }

    /** A code held as text: the code for machines, {@code <prefix>.<code>} in words. */
    public String code(String prefix, String code) {
        return messages == null ? code : messages.apply(prefix + "." + code);
    }

    /** A fixed value: {@code forMachines} as it is, or the text of {@code key} in words. */
    public String word(String key, String forMachines) {
        return messages == null ? forMachines : messages.apply(key);
    }

    /** true or false for machines, yes or no in words. */
    public String yesNo(boolean value) {
        return messages == null ? String.valueOf(value) : messages.apply(value ? "csv.yes" : "csv.no");
    }
}
