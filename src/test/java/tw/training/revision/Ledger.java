package tw.training.revision;

import tw.training.testing.RowCounts;

/** The whole progress ledger and every enrollment's status as text, to compare with what `rebuild-progress` derives. */
final class Ledger {

    private Ledger() {
    }

    static String of(RowCounts rows) {
        return String.join("\n", rows.rows("SELECT * FROM satisfaction ORDER BY enrollment_id, indicator_id, method")) + "\n"
                + String.join("\n", rows.rows("SELECT * FROM enrollment_progress ORDER BY enrollment_id")) + "\n"
                + String.join("\n", rows.rows("SELECT enrollment_id, status, completed_at FROM enrollment ORDER BY enrollment_id"));
    }
}
