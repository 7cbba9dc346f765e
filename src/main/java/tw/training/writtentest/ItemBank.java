package tw.training.writtentest;

import tw.training.phrase.Phrase;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.account.Actor;
import tw.training.course.CourseService;
import tw.training.course.PlanEntry;
import tw.training.problem.ConflictException;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * A course's item bank, kept by its trainers: items added one by one or imported from CSV or GIFT (all of a file or
 * nothing), each tagged with indicators of the course's plan. The key never leaves this service but to trainers and
 * admins. An item an attempt drew is never changed or deleted: the attempt must show and score it as it was.
 */
@Singleton
public class ItemBank {

    private final ItemRepository items;
    private final OptionRepository options;
    private final ItemTagRepository tags;
    private final CourseService courses;
    private final Clock clock;

    ItemBank(ItemRepository items, OptionRepository options, ItemTagRepository tags, CourseService courses, Clock clock) {
        this.items = items;
        this.options = options;
        this.tags = tags;
        this.courses = courses;
        this.clock = clock;
    }

    @ReadOnly
    public List<ItemViews.Item> list(long courseId, Actor actor) {
        courses.requireTrainer(courseId, actor);
        return views(items.inBank(courseId));
    }

    @Transactional
    public ItemViews.Item add(long courseId, ItemViews.NewItem request, Actor actor) {
        courses.requireTrainer(courseId, actor);
        List<InputError> errors = new ArrayList<>();
        ItemRules.Checked item = ItemRules.check(request, plan(courseId), null, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("writtentest.item-not-valid"), errors);
        }
        return views(insert(courseId, List.of(item))).get(0);
    }

    /** Every item of the file, or none: each fault is named by its line. */
    @Transactional
    public ItemViews.Imported importFile(long courseId, String text, Format format, Actor actor) {
        courses.requireTrainer(courseId, actor);
        List<InputError> errors = new ArrayList<>();
        List<ParsedItem> parsed = format.reader.apply(text, errors);
        Map<String, Long> plan = plan(courseId);
        List<ItemRules.Checked> checked = new ArrayList<>();
        // a line the reader could not make sense of is named once, not again for each rule its half-read item breaks
        Set<Integer> unreadable = errors.stream().map(InputError::line).collect(Collectors.toSet());
        for (ParsedItem item : parsed) {
            if (!unreadable.contains(item.line())) {
                checked.add(ItemRules.check(item.item(), plan, item.line(), errors));
            }
        }
        if (parsed.isEmpty() && errors.isEmpty()) {
            errors.add(InputError.line(1, "writtentest.file-holds-no-item"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("writtentest.no-item-was-imported-file", errors.size()), errors);
        }
        List<ItemViews.Item> imported = views(insert(courseId, checked));
        return new ItemViews.Imported(imported.size(), imported);
    }

    /** The formats a bank is imported from. */
    public enum Format {
        CSV(CsvItems::read), GIFT(GiftItems::read);

        private final BiFunction<String, List<InputError>, List<ParsedItem>> reader;

        Format(BiFunction<String, List<InputError>, List<ParsedItem>> reader) {
            this.reader = reader;
        }
    }

    @ReadOnly
    public ItemViews.Item get(long itemId, Actor actor) {
        return views(List.of(item(itemId, actor))).get(0);
    }

    @Transactional
    public ItemViews.Item change(long itemId, ItemViews.NewItem request, Actor actor) {
        Item item = item(itemId, actor);
        items.lockCourse(item.courseId());
        if (!items.drawn(List.of(itemId)).isEmpty()) {
            throw new ConflictException("writtentest.item-was-drawn-attempt-stays", itemId);
        }
        List<InputError> errors = new ArrayList<>();
        ItemRules.Checked checked = ItemRules.check(request, plan(item.courseId()), null, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("writtentest.item-not-valid"), errors);
        }
        Item changed = items.update(new Item(item.id(), item.courseId(), checked.kind(), checked.stem(), checked.modelAnswer(), item.createdAt(), null));
        options.deleteOf(itemId);
        options.untag(itemId);
        options.saveAll(checked.rows(itemId));
        tags.saveAll(checked.indicatorIds().stream().map(indicator -> new ItemIndicator(itemId, indicator)).toList());
        return views(List.of(changed)).get(0);
    }

    /** Deleted; or, if an attempt drew it, retired: drawn no more, kept for the attempts that show it. */
    @Transactional
    public void remove(long itemId, Actor actor) {
        Item item = item(itemId, actor);
        items.lockCourse(item.courseId());
        if (items.drawn(List.of(itemId)).isEmpty()) {
            options.deleteOf(itemId);
            options.untag(itemId);
            items.deleteById(itemId);
        } else {
            items.retire(itemId, clock.instant());
        }
    }

    private List<Item> insert(long courseId, List<ItemRules.Checked> checked) {
        items.lockCourse(courseId);
        List<Item> saved = items.saveAll(checked.stream().map(c -> new Item(null, courseId, c.kind(), c.stem(), c.modelAnswer(), clock.instant(), null))
                .toList());
        List<ItemOption> optionRows = new ArrayList<>();
        List<ItemIndicator> tagRows = new ArrayList<>();
        for (int i = 0; i < saved.size(); i++) {
            long id = saved.get(i).id();
            optionRows.addAll(checked.get(i).rows(id));
            checked.get(i).indicatorIds().forEach(indicator -> tagRows.add(new ItemIndicator(id, indicator)));
        }
        if (!optionRows.isEmpty()) {
            options.saveAll(optionRows);
        }
        tags.saveAll(tagRows);
        return saved;
    }

    /** Items with their options and tags, in three queries whatever their number. */
    private List<ItemViews.Item> views(List<Item> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Collection<Long> ids = rows.stream().map(Item::id).toList();
        Map<Long, List<ItemViews.Option>> byItem = options.of(ids).stream().collect(Collectors.groupingBy(ItemOption::itemId,
                Collectors.mapping(o -> new ItemViews.Option(o.position(), o.text(), o.correct()), Collectors.toList())));
        Map<Long, List<String>> tagged = items.tags(ids).stream().collect(Collectors.groupingBy(ItemRepository.Tag::itemId,
                Collectors.mapping(ItemRepository.Tag::indicator, Collectors.toList())));
        Set<Long> drawn = new HashSet<>(items.drawn(ids));
        return rows.stream().map(item -> new ItemViews.Item(item.id(), item.kind(), item.stem(), byItem.getOrDefault(item.id(), List.of()),
                item.modelAnswer(), tagged.getOrDefault(item.id(), List.of()), drawn.contains(item.id()))).toList();
    }

    /** An item of the bank (not retired) of a course the actor trains; to anyone else it does not exist. */
    private Item item(long itemId, Actor actor) {
        Item item = items.findById(itemId).filter(i -> i.retiredAt() == null)
                .orElseThrow(() -> new NotFoundException("writtentest.item-not-found", itemId));
        actor.requireOwnership(courses.trains(item.courseId(), actor), () -> Phrase.of("writtentest.item-not-found", itemId));
        return item;
    }

    private Map<String, Long> plan(long courseId) {
        return courses.latestPlan(courseId).stream().collect(Collectors.toMap(PlanEntry::id, PlanEntry::indicatorId));
    }
}
