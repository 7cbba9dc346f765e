package tw.training.onboarding;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import tw.training.phrase.Phrase;

import java.util.List;

/**
 * What an import of accounts found and did: every row with its faults ({@code code} stable, {@code message} in English;
 * pages say it in the reader's language), and whether it was created.
 */
@Serdeable
public record AccountImportReport(AccountImport.Mode mode, int rows, int valid, int faulty, int created, List<Row> details) {

    static AccountImportReport of(AccountImport.Mode mode, List<Row> rows, int created) {
        int faulty = (int) rows.stream().filter(row -> !row.faults().isEmpty()).count();
        return new AccountImportReport(mode, rows.size(), rows.size() - faulty, faulty, created, rows);
    }

    /** A row of the file: what it asks for, and why it cannot be done, if it cannot. */
    @Serdeable
    public record Row(int line, String username, String displayName, String email, List<String> roles, String language,
                      @Nullable String course, List<Fault> faults, boolean created) {

        Row(int line, String username, String displayName, String email, List<String> roles, String language, @Nullable String course,
            List<Fault> faults) {
            this(line, username, displayName, email, roles, language, course, faults, false);
        }

        Row asCreated() {
            return new Row(line, username, displayName, email, roles, language, course, faults, true);
        }
    }

    /** What is wrong with one field of a row. */
    @Serdeable
    public record Fault(String field, String code, String message, @JsonIgnore Phrase why) {

        Fault(String field, Phrase why) {
            this(field, why.key(), why.english(), why);
        }
    }
}
