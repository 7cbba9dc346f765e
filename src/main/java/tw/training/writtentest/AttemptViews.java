package tw.training.writtentest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import tw.training.evidence.Outcome;

import java.time.Instant;
import java.util.List;

/**
 * An attempt as the API answers it (SPEC §11). While it is open, nothing of the key is in it: no option says whether it
 * is correct, no model answer, no score (those fields are left out, not null). Once closed, each item shows its key and whether the answer was correct, and
 * each indicator its score and outcome.
 */
public final class AttemptViews {

    private AttemptViews() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(long id, long testId, String title, int number, AttemptStatus status, Instant startedAt, Instant deadline,
                          long secondsLeft, @Nullable Instant closedAt, List<Question> items, @Nullable List<Score> scores,
                          @Nullable Long evidenceId) {
    }

    /**
     * An item as the attempt shows it, with the indicator it was drawn for, options in the attempt's own order, each
     * {@code id} its place in that order (see {@link OptionOrder}: the authored number would give the key away). The
     * answer is {@code choices} (option ids) or {@code text}. {@code key}, {@code correct} and {@code modelAnswer} are
     * filled only once the attempt is closed.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Question(long itemId, int position, String indicator, ItemKind kind, String stem, List<Choice> options, @Nullable List<Integer> choices,
                           @Nullable String text, @Nullable Instant answeredAt, @Nullable List<Integer> key, @Nullable Boolean correct,
                           @Nullable String modelAnswer) {
    }

    @Serdeable
    public record Choice(int id, String text) {
    }

    /** An indicator's score once closed; {@code outcome} absent when a short answer leaves it to an assessor. */
    @Serdeable
    public record Score(String indicator, int items, int correct, int passMark, @Nullable Outcome outcome) {
    }

    /** An answer: option ids as shown for a choice item (true/false: 1 true, 2 false; an empty list clears it), text for a short answer. */
    @Serdeable
    public record Answer(@Nullable List<Integer> choices, @Nullable String text) {
    }

    /** An answer as saved, and the time the attempt still has. */
    @Serdeable
    public record Saved(long itemId, @Nullable Instant answeredAt, long secondsLeft) {
    }
}
