package tw.training.writtentest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** What the tests API takes and answers (SPEC §11). Nothing here holds an answer key. */
public final class TestViews {

    private TestViews() {
    }

    /** A test as trainers define it: per indicator, how many items to draw and the pass mark (percent of them correct). */
    @Serdeable
    public record NewTest(@Nullable String title, @Nullable Integer timeLimitMinutes, @Nullable Integer maxAttempts,
                          @Nullable List<NewTested> indicators) {
    }

    @Serdeable
    public record NewTested(@Nullable String indicator, @Nullable Integer items, @Nullable Integer passMark) {
    }

    /**
     * A test. For a learner, {@code attempts} are their own and {@code attemptsLeft} how many they may still start; for
     * trainers both are absent.
     */
    @Serdeable
    public record Test(long id, long courseId, String title, int timeLimitMinutes, int maxAttempts, int items, List<Tested> indicators,
                       @Nullable List<AttemptSummary> attempts, @Nullable Integer attemptsLeft) {
    }

    /** @param inBank items of the bank (not retired) that test the indicator, for trainers; absent for learners */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tested(String indicator, String text, int items, int passMark, @Nullable Long inBank) {
    }

    @Serdeable
    public record AttemptSummary(long id, int number, AttemptStatus status, Instant startedAt, Instant deadline, @Nullable Instant closedAt,
                                 @Nullable Long evidenceId) {
    }

    /** How the items a test drew fared in closed attempts: a low share correct marks an item to look at again. */
    @Serdeable
    public record Results(long testId, List<ItemResult> items) {
    }

    @Serdeable
    public record ItemResult(long itemId, ItemKind kind, String stem, List<String> indicators, long drawn, long correct, @Nullable Double shareCorrect) {
    }
}
