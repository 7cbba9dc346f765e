package tw.training.writtentest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What the item bank API takes and answers (SPEC §11). Only trainers and admins ever see an item with its key. */
public final class ItemViews {

    private ItemViews() {
    }

    /**
     * An item as its authors send it. Choice items list their {@code options}, each saying whether it is correct (one for
     * a single choice, one or more for a multiple choice); a true/false item says its {@code answer}; a short answer may
     * give a {@code modelAnswer} for the assessor. {@code indicators} are plan indicators ("KPS5294-001v4:P2.3.1").
     */
    @Serdeable
    public record NewItem(@Nullable String kind, @Nullable String stem, @Nullable List<NewOption> options, @Nullable Boolean answer,
                          @Nullable String modelAnswer, @Nullable List<String> indicators) {
    }

    @Serdeable
    public record NewOption(@Nullable String text, @Nullable Boolean correct) {
    }

    /** An item with its key: for the course's trainers and admins. */
    @Serdeable
    public record Item(long id, ItemKind kind, String stem, List<Option> options, @Nullable String modelAnswer, List<String> indicators,
                       boolean drawn) {
    }

    /** An option, numbered from 1 as authored, with whether it is correct. */
    @Serdeable
    public record Option(int id, String text, boolean correct) {
    }

    /** What an import of CSV or GIFT recorded: every item of the file, or (refused) none. */
    @Serdeable
    public record Imported(int imported, List<Item> items) {
    }
}
