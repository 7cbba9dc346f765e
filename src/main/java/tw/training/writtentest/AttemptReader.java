package tw.training.writtentest;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads an attempt's content in five queries, whatever its number of items. */
@Singleton
class AttemptReader {

    private final TestRepository tests;
    private final AttemptItemRepository attemptItems;
    private final ItemRepository items;
    private final OptionRepository options;

    AttemptReader(TestRepository tests, AttemptItemRepository attemptItems, ItemRepository items, OptionRepository options) {
        this.tests = tests;
        this.attemptItems = attemptItems;
        this.items = items;
        this.options = options;
    }

    AttemptContent read(Attempt attempt) {
        WrittenTest test = tests.findById(attempt.testId()).orElseThrow();
        List<AttemptItem> drawn = attemptItems.of(attempt.id());
        List<Long> ids = drawn.stream().map(AttemptItem::itemId).toList();
        Map<Long, Item> byId = ids.isEmpty() ? Map.of() : items.findByIdIn(ids).stream().collect(Collectors.toMap(Item::id, Function.identity()));
        Map<Long, List<ItemOption>> byItem = ids.isEmpty() ? Map.of() : options.of(ids).stream().collect(Collectors.groupingBy(ItemOption::itemId));
        return new AttemptContent(attempt, test, drawn, byId, byItem, tests.testedBy(test.id()));
    }
}
