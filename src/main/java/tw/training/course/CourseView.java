package tw.training.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A course as SPEC §3 shows it: its details, and one revision of its plan — the alignments, the assessment
 * plan (each aligned indicator with its required methods) and the modules.
 *
 * @param publishedRevision the revision new enrollments join, if any is published
 */
@Serdeable
public record CourseView(long id, String code, String title, @Nullable String description, BigDecimal hours,
                         CourseStatus status, String owner, List<String> trainers, Revision revision,
                         @Nullable Integer publishedRevision, List<Alignment> alignments, List<PlannedIndicator> plan,
                         List<Module> modules) {

    /** @param currencyMonths the currency rule: how old a piece's performance may be when a MET rests on it */
    @Serdeable
    public record Revision(long id, int number, RevisionStatus status, Instant createdAt, @Nullable Instant publishedAt, int currencyMonths) {
    }

    /** A task aligned to the course; {@code wholeTask} is false when only some indicators were taken. */
    @Serdeable
    public record Alignment(String taskId, String standardCode, String taskCode, String title, @Nullable Integer level,
                            boolean wholeTask, List<String> indicatorCodes) {
    }

    /**
     * An indicator of the plan, the methods it requires, and its row of the sufficiency matrix: how many pieces, of
     * how many distinct methods, a MET must rest on, and whether third-party reports alone may meet it.
     */
    @Serdeable
    public record PlannedIndicator(String id, String standardCode, String code, String text, String task,
                                   List<AssessmentMethod> requiredMethods, int minPieces, int minMethods, boolean thirdPartyAlone,
                                   @Nullable Review review) {
    }

    /**
     * Why a migration through a crosswalk asks the trainer to look at a planned indicator: PARTIAL to an older one
     * ({@code from}, the crosswalk's note), or NEW in the newer version; gone once its methods are set.
     */
    @Serdeable
    public record Review(String reason, @Nullable String from, @Nullable String note) {
    }

    @Serdeable
    public record Module(long id, int position, String title, BigDecimal hours, @Nullable String description,
                         List<String> tasks) {
    }
}
