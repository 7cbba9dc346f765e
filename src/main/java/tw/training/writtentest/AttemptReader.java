package tw.training.writtentest;

import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads an attempt's content in five queries, whatever its number of items; several attempts' in five as well. */
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

    /** Several attempts' contents, by attempt id. */
    Map<Long, AttemptContent> readAll(Collection<Attempt> attempts) {
        Set<Long> testIds = attempts.stream().map(Attempt::testId).collect(Collectors.toSet());
        Map<Long, WrittenTest> testsById = tests.findByIdIn(testIds).stream().collect(Collectors.toMap(WrittenTest::id, Function.identity()));
        Map<Long, List<TestRepository.Tested>> tested = tests.testedByAll(testIds).stream()
                .collect(Collectors.groupingBy(TestRepository.Tested::testId));
        Map<Long, List<AttemptItem>> drawn = attemptItems.ofAttempts(attempts.stream().map(Attempt::id).toList()).stream()
                .collect(Collectors.groupingBy(AttemptItem::attemptId));
        List<Long> ids = drawn.values().stream().flatMap(List::stream).map(AttemptItem::itemId).distinct().toList();
        Map<Long, Item> byId = ids.isEmpty() ? Map.of() : items.findByIdIn(ids).stream().collect(Collectors.toMap(Item::id, Function.identity()));
        Map<Long, List<ItemOption>> byItem = ids.isEmpty() ? Map.of() : options.of(ids).stream().collect(Collectors.groupingBy(ItemOption::itemId));
        Map<Long, AttemptContent> contents = new HashMap<>();
        for (Attempt attempt : attempts) {
            List<AttemptItem> theirs = drawn.getOrDefault(attempt.id(), List.of());
            Map<Long, Item> theirItems = new HashMap<>();
            Map<Long, List<ItemOption>> theirOptions = new HashMap<>();
            for (AttemptItem item : theirs) {
                theirItems.put(item.itemId(), byId.get(item.itemId()));
                theirOptions.put(item.itemId(), byItem.getOrDefault(item.itemId(), List.of()));
            }
            contents.put(attempt.id(), new AttemptContent(attempt, testsById.get(attempt.testId()), theirs, theirItems, theirOptions,
                    tested.getOrDefault(attempt.testId(), List.of())));
        }
        return contents;
    }
}
