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

    /**
     * A test as trainers define it: per indicator, how many items to draw and the pass mark (percent of them correct);
     * when learners see right and wrong ({@code showCorrect}) and the key ({@code showKey}): AFTER_EACH attempt,
     * AFTER_LAST attempt, AFTER_CLOSE of the test, or NEVER (by default AFTER_EACH and AFTER_LAST); and when it closes.
     */
    @Serdeable
    public record NewTest(@Nullable String title, @Nullable Integer timeLimitMinutes, @Nullable Integer maxAttempts,
                          @Nullable List<NewTested> indicators, @Nullable String showCorrect, @Nullable String showKey, @Nullable Instant closesAt) {

        public NewTest(@Nullable String title, @Nullable Integer timeLimitMinutes, @Nullable Integer maxAttempts, @Nullable List<NewTested> indicators) {
            this(title, timeLimitMinutes, maxAttempts, indicators, null, null, null);
        }
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
                       @Nullable List<AttemptSummary> attempts, @Nullable Integer attemptsLeft, ReviewTime showCorrect, ReviewTime showKey,
                       @Nullable Instant closesAt) {
    }

    /**
     * @param inBank  items of the bank (not retired) that test the indicator, for trainers; absent for learners
     * @param repeats for trainers: the bank holds fewer items than every allowed attempt would draw, so a learner's later
     *                attempts will show items they have seen
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tested(String indicator, String text, int items, int passMark, @Nullable Long inBank, @Nullable Boolean repeats) {
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
