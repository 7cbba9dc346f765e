package tw.training.writtentest;

import io.micronaut.context.event.ApplicationEventPublisher;
import tw.training.phrase.Phrase;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.account.Actor;
import tw.training.course.AssessmentMethod;
import tw.training.course.CourseService;
import tw.training.course.PlanEntry;
import tw.training.enrollment.EnrollmentRef;
import tw.training.enrollment.EnrollmentService;
import tw.training.problem.ConflictException;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A course's written tests: which indicators (each assessed by WRITTEN_TEST in the course's plan), how many items an
 * attempt draws for each, its pass mark, the time limit and the number of attempts. A test someone has attempted no
 * longer changes: its attempts were drawn and scored by it.
 */
@Singleton
public class TestService {

    private static final int MAX_TITLE = 300;

    private final TestRepository tests;
    private final TestIndicatorRepository testIndicators;
    private final ItemRepository items;
    private final AttemptRepository attempts;
    private final CourseService courses;
    private final EnrollmentService enrollments;
    private final Clock clock;
    private final ApplicationEventPublisher<TestOpened> opened;

    TestService(TestRepository tests, TestIndicatorRepository testIndicators, ItemRepository items, AttemptRepository attempts,
                CourseService courses, EnrollmentService enrollments, Clock clock, ApplicationEventPublisher<TestOpened> opened) {
        this.opened = opened;
        this.tests = tests;
        this.testIndicators = testIndicators;
        this.items = items;
        this.attempts = attempts;
        this.courses = courses;
        this.enrollments = enrollments;
        this.clock = clock;
    }

    /** Trainers see every test of the course; a learner those their plan lets them take, with their attempts. */
    @ReadOnly
    public List<TestViews.Test> list(long courseId, Actor actor) {
        if (actor.isAdmin() || courses.trains(courseId, actor)) {
            return views(tests.findByCourseIdOrderById(courseId), null);
        }
        EnrollmentRef enrollment = enrollments.own(courseId, actor).orElseThrow(() -> new NotFoundException("writtentest.course-not-found", courseId));
        Set<Long> writtenInPlan = writtenTestIndicators(enrollment.revisionId());
        List<WrittenTest> all = tests.findByCourseIdOrderById(courseId);
        Map<Long, List<TestRepository.Tested>> tested = tested(all);
        return views(all.stream().filter(t -> tested.getOrDefault(t.id(), List.of()).stream().allMatch(i -> writtenInPlan.contains(i.indicatorId())))
                .toList(), enrollment);
    }

    @ReadOnly
    public TestViews.Test get(long testId, Actor actor) {
        WrittenTest test = test(testId);
        if (actor.isAdmin() || courses.trains(test.courseId(), actor)) {
            return views(List.of(test), null).get(0);
        }
        EnrollmentRef enrollment = enrollments.own(test.courseId(), actor).orElseThrow(() -> new NotFoundException("writtentest.test-not-found", testId));
        return views(List.of(test), enrollment).get(0);
    }

    @Transactional
    public TestViews.Test create(long courseId, TestViews.NewTest request, Actor actor) {
        courses.requireTrainer(courseId, actor);
        items.lockCourse(courseId);
        Checked checked = check(courseId, request);
        WrittenTest test = tests.save(new WrittenTest(null, courseId, checked.title, checked.minutes, checked.attempts, clock.instant(),
                checked.showCorrect, checked.showKey, checked.closesAt));
        testIndicators.saveAll(checked.rows(test.id()));
        opened.publishEvent(new TestOpened(test.id(), courseId, test.title(), test.closesAt()));
        return views(List.of(test), null).get(0);
    }

    @Transactional
    public TestViews.Test change(long testId, TestViews.NewTest request, Actor actor) {
        WrittenTest test = test(testId);
        courses.requireTrainer(test.courseId(), actor);
        items.lockCourse(test.courseId());
        if (tests.attempted(testId)) {
            throw new ConflictException("writtentest.test-has-attempts-drawn-scored", testId);
        }
        Checked checked = check(test.courseId(), request);
        WrittenTest changed = tests.update(new WrittenTest(test.id(), test.courseId(), checked.title, checked.minutes, checked.attempts, test.createdAt(),
                checked.showCorrect, checked.showKey, checked.closesAt));
        tests.untest(testId);
        testIndicators.saveAll(checked.rows(testId));
        return views(List.of(changed), null).get(0);
    }

    /** Per item the test drew, in closed attempts: how often it was answered correctly. */
    @ReadOnly
    public TestViews.Results results(long testId, Actor actor) {
        WrittenTest test = test(testId);
        courses.requireTrainer(test.courseId(), actor);
        List<TestRepository.ItemResult> results = tests.itemResults(testId);
        Map<Long, Item> byId = results.isEmpty() ? Map.of()
                : items.findByIdIn(results.stream().map(TestRepository.ItemResult::itemId).toList()).stream()
                .collect(Collectors.toMap(Item::id, Function.identity()));
        Map<Long, List<String>> tags = results.isEmpty() ? Map.of()
                : items.tags(byId.keySet()).stream().collect(Collectors.groupingBy(ItemRepository.Tag::itemId,
                Collectors.mapping(ItemRepository.Tag::indicator, Collectors.toList())));
        return new TestViews.Results(testId, results.stream().map(r -> {
            Item item = byId.get(r.itemId());
            boolean scored = item.kind().scoredByMachine();
            return new TestViews.ItemResult(r.itemId(), item.kind(), item.stem(), tags.getOrDefault(r.itemId(), List.of()), r.drawn(),
                    r.correct(), scored && r.drawn() > 0 ? Math.round(r.correct() * 1000.0 / r.drawn()) / 1000.0 : null);
        }).toList());
    }

    WrittenTest test(long testId) {
        return tests.findById(testId).orElseThrow(() -> new NotFoundException("writtentest.test-not-found", testId));
    }

    /** The indicators a revision's plan assesses by written test. */
    Set<Long> writtenTestIndicators(long revisionId) {
        return courses.planOf(revisionId).stream().filter(e -> e.methods().contains(AssessmentMethod.WRITTEN_TEST))
                .map(PlanEntry::indicatorId).collect(Collectors.toSet());
    }

    Map<Long, List<TestRepository.Tested>> tested(List<WrittenTest> list) {
        return list.isEmpty() ? Map.of() : tests.tested(list.stream().map(WrittenTest::id).toList()).stream()
                .collect(Collectors.groupingBy(TestRepository.Tested::testId));
    }

    private List<TestViews.Test> views(List<WrittenTest> list, @Nullable EnrollmentRef learner) {
        Map<Long, List<TestRepository.Tested>> tested = tested(list);
        Map<Long, List<Attempt>> own = learner == null || list.isEmpty() ? Map.of()
                : attempts.ofEnrollment(learner.id(), list.stream().map(WrittenTest::id).toList()).stream()
                .collect(Collectors.groupingBy(Attempt::testId));
        return list.stream().map(test -> {
            List<TestRepository.Tested> indicators = tested.getOrDefault(test.id(), List.of());
            List<TestViews.AttemptSummary> mine = learner == null ? null : own.getOrDefault(test.id(), List.of()).stream()
                    .map(a -> new TestViews.AttemptSummary(a.id(), a.attemptNumber(), a.status(), a.startedAt(), a.deadline(), a.closedAt(), a.evidenceId()))
                    .toList();
            return new TestViews.Test(test.id(), test.courseId(), test.title(), test.timeLimitMinutes(), test.maxAttempts(),
                    indicators.stream().mapToInt(TestRepository.Tested::itemCount).sum(),
                    indicators.stream().map(i -> new TestViews.Tested(i.indicator(), i.content(), i.itemCount(), i.passMark(),
                            learner == null ? i.inBank() : null, learner == null ? i.inBank() < (long) i.itemCount() * test.maxAttempts() : null)).toList(),
                    mine, mine == null ? null : Math.max(0, test.maxAttempts() - mine.size()), test.showCorrect(), test.showKey(), test.closesAt());
        }).toList();
    }

    private record Checked(String title, int minutes, int attempts, List<long[]> indicators, ReviewTime showCorrect, ReviewTime showKey,
                           @Nullable java.time.Instant closesAt) {

        List<TestIndicator> rows(long testId) {
            List<TestIndicator> rows = new ArrayList<>();
            for (int i = 0; i < indicators.size(); i++) {
                rows.add(new TestIndicator(testId, indicators.get(i)[0], i + 1, (int) indicators.get(i)[1], (int) indicators.get(i)[2]));
            }
            return rows;
        }
    }

    private Checked check(long courseId, TestViews.NewTest request) {
        List<InputError> errors = new ArrayList<>();
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            errors.add(InputError.field("title", "writtentest.title-must-have-characters", MAX_TITLE));
        }
        int minutes = bounded(request.timeLimitMinutes(), 1, 1440, "timeLimitMinutes", errors);
        int attempts = bounded(request.maxAttempts(), 1, 100, "maxAttempts", errors);
        Map<String, PlanEntry> plan = courses.latestPlan(courseId).stream().collect(Collectors.toMap(PlanEntry::id, Function.identity()));
        List<TestViews.NewTested> given = request.indicators() == null ? List.of() : request.indicators();
        if (given.isEmpty()) {
            errors.add(InputError.field("indicators", "writtentest.test-tests-least-one-indicator"));
        }
        List<long[]> indicators = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Map<Long, Long> inBank = bankCounts(courseId);
        for (int i = 0; i < given.size(); i++) {
            String at = "indicators[" + i + "].";
            TestViews.NewTested tested = Optional.ofNullable(given.get(i)).orElse(new TestViews.NewTested(null, null, null));
            String id = tested.indicator() == null ? "" : tested.indicator().strip();
            PlanEntry entry = plan.get(id);
            int count = bounded(tested.items(), 1, 100, at + "items", errors);
            int passMark = bounded(tested.passMark(), 1, 100, at + "passMark", errors);
            if (entry == null) {
                errors.add(InputError.field(at + "indicator", "writtentest.not-indicator-course-s-plan", id));
            } else if (!entry.methods().contains(AssessmentMethod.WRITTEN_TEST)) {
                errors.add(InputError.field(at + "indicator", "writtentest.not-assessed-by-written-test", id, entry.methods()));
            } else if (!seen.add(entry.indicatorId())) {
                errors.add(InputError.field(at + "indicator", "writtentest.named-twice", id));
            } else if (inBank.getOrDefault(entry.indicatorId(), 0L) < count) {
                errors.add(InputError.field(at + "items", "writtentest.bank-holds-items-fewer-than", inBank.getOrDefault(entry.indicatorId(), 0L), id, count));
            } else {
                indicators.add(new long[]{entry.indicatorId(), count, passMark});
            }
        }
        ReviewTime showCorrect = reviewTime(request.showCorrect(), ReviewTime.AFTER_EACH, "showCorrect", errors);
        ReviewTime showKey = reviewTime(request.showKey(), ReviewTime.AFTER_LAST, "showKey", errors);
        if (showKey.ordinal() < showCorrect.ordinal()) {
            errors.add(InputError.field("showKey", "writtentest.key-shows-which-answers-were"));
        }
        if ((showCorrect == ReviewTime.AFTER_CLOSE || showKey == ReviewTime.AFTER_CLOSE) && request.closesAt() == null) {
            errors.add(InputError.field("closesAt", "writtentest.shown-after-test-closes-test"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("writtentest.test-not-valid"), errors);
        }
        return new Checked(title, minutes, attempts, indicators, showCorrect, showKey, request.closesAt());
    }

    private Map<Long, Long> bankCounts(long courseId) {
        Map<Long, Long> counts = new java.util.HashMap<>();
        List<Item> bank = items.inBank(courseId);
        if (!bank.isEmpty()) {
            items.tags(bank.stream().map(Item::id).toList()).forEach(tag -> counts.merge(tag.indicatorId(), 1L, Long::sum));
        }
        return counts;
    }

    private static ReviewTime reviewTime(@Nullable String value, ReviewTime unset, String field, List<InputError> errors) {
        if (value == null || value.isBlank()) {
            return unset;
        }
        for (ReviewTime time : ReviewTime.values()) {
            if (time.name().equalsIgnoreCase(value.strip())) {
                return time;
            }
        }
        errors.add(InputError.field(field, "writtentest.one-after-each-after-last", field));
        return unset;
    }

    private static int bounded(@Nullable Integer value, int min, int max, String field, List<InputError> errors) {
        if (value == null || value < min || value > max) {
            errors.add(InputError.field(field, "writtentest.must", Phrase.field(field.substring(field.lastIndexOf('.') + 1)), min, max));
            return min;
        }
        return value;
    }
}
