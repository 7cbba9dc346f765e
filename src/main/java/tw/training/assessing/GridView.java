package tw.training.assessing;

import io.micronaut.core.annotation.Nullable;
import tw.training.course.CourseRef;
import tw.training.evidence.Outcome;

import java.util.List;

/**
 * A page of the judging grid: the course's learners (a page of them) by the indicators of one task or method, each
 * cell what an assessor needs to decide — the latest outcome, how many pieces of evidence await a first judgement,
 * whether the indicator is met — and the token that tells, at saving, whether the cell changed since.
 */
public record GridView(CourseRef course, List<Task> tasks, @Nullable String task, @Nullable String method, String learner,
                       List<Column> columns, List<Row> rows, int page, int pages, int learners) {

    /** A task of the published plan, for choosing the columns. */
    public record Task(String id, String title) {
    }

    /** An indicator of the plan: a column. */
    public record Column(long indicatorId, String id, String code, String text) {
    }

    /** A learner: a row. */
    public record Row(long enrollmentId, String username, String displayName, List<Cell> cells) {
    }

    /**
     * A learner's indicator: {@code evidence} pieces claim it (of the grid's method, if one is chosen), {@code awaiting}
     * of them never judged on it; {@code latest} the last word on it; {@code met} whether the ledger counts it met;
     * {@code pieces} the evidence a choice in the cell judges (those awaiting, else the one last judged), for the
     * assessor to open before choosing.
     */
    public record Cell(String key, int evidence, int awaiting, @Nullable Outcome latest, boolean met, String token, List<Long> pieces) {
    }

    /** The form name of a cell: enrollment and indicator row ids. */
    static String key(long enrollmentId, long indicatorId) {
        return enrollmentId + ":" + indicatorId;
    }
}
