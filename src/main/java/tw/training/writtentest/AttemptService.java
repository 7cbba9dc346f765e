package tw.training.writtentest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.course.CourseRef;
import tw.training.course.CourseService;
import tw.training.enrollment.EnrollmentRef;
import tw.training.enrollment.EnrollmentService;
import tw.training.problem.ConflictException;
import tw.training.problem.ForbiddenException;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;

import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Learners take written tests: an attempt draws its own items (n per indicator, at random from the bank, those the
 * learner has not seen first) in its own order, kept; answers are saved one by one as the learner goes, so a reload
 * resumes; the server keeps the deadline and refuses what comes after it; submitting, or the deadline, closes the
 * attempt ({@link AttemptCloser}). Until then nothing a learner can read carries the key; after, right and wrong and
 * the key reach the learner only when the test's review settings say ({@link ReviewTime}).
 */
@Singleton
public class AttemptService {

    private static final int MAX_TEXT = 10_000;

    private final AttemptRepository attempts;
    private final AttemptItemRepository attemptItems;
    private final ItemRepository items;
    private final OptionRepository options;
    private final TestService tests;
    private final AttemptReader reader;
    private final AttemptCloser closer;
    private final CourseService courses;
    private final EnrollmentService enrollments;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final Random random = new SecureRandom();

    AttemptService(AttemptRepository attempts, AttemptItemRepository attemptItems, ItemRepository items, OptionRepository options,
                   TestService tests, AttemptReader reader, AttemptCloser closer, CourseService courses, EnrollmentService enrollments,
                   TransactionOperations<Connection> transactions, Clock clock) {
        this.attempts = attempts;
        this.attemptItems = attemptItems;
        this.items = items;
        this.options = options;
        this.tests = tests;
        this.reader = reader;
        this.closer = closer;
        this.courses = courses;
        this.enrollments = enrollments;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The learner starts an attempt: refused while another of this test is open, or when none is left. */
    public AttemptViews.Attempt start(long testId, Actor actor) {
        long id = transactions.executeWrite(status -> {
            WrittenTest test = tests.test(testId);
            EnrollmentRef enrollment = enrollments.own(test.courseId(), actor).orElseThrow(() -> new NotFoundException("writtentest.test-not-found", testId));
            if (courses.find(test.courseId()).map(CourseRef::archived).orElse(false)) {
                throw new ConflictException("writtentest.course-archived-takes-no-more");
            }
            attempts.lockEnrollment(enrollment.id());
            List<Attempt> earlier = attempts.findByTestIdAndEnrollmentIdOrderByAttemptNumber(testId, enrollment.id());
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            for (Attempt open : earlier.stream().filter(a -> a.status() == AttemptStatus.OPEN).toList()) {
                if (now.isBefore(open.deadline())) {
                    throw new ConflictException("writtentest.attempt-this-test-open-until", open.attemptNumber(), open.deadline(), open.id());
                }
            }
            if (test.closesAt() != null && !now.isBefore(test.closesAt())) {
                throw new ConflictException("writtentest.test-closed-takes-no-more", test.closesAt());
            }
            if (earlier.size() >= test.maxAttempts()) {
                throw new ConflictException("writtentest.all-attempts-this-test-are", test.maxAttempts());
            }
            List<TestRepository.Tested> tested = tests.tested(List.of(test)).getOrDefault(testId, List.of());
            Set<Long> inPlan = tests.writtenTestIndicators(enrollment.revisionId());
            if (!tested.stream().allMatch(t -> inPlan.contains(t.indicatorId()))) {
                throw new ConflictException("writtentest.this-test-covers-indicators-your");
            }
            Attempt attempt = attempts.save(new Attempt(null, testId, enrollment.id(), earlier.size() + 1, AttemptStatus.OPEN, now,
                    now.plus(Duration.ofMinutes(test.timeLimitMinutes())), null, null));
            attemptItems.saveAll(draw(attempt.id(), test.courseId(), tested, new HashSet<>(attemptItems.seenBy(enrollment.id()))));
            return attempt.id();
        });
        return get(id, actor);
    }

    /** The learner's own attempt, or any of the course's for its trainers and admins; closed first if its time ran out. */
    public AttemptViews.Attempt get(long attemptId, Actor actor) {
        Seen seen = visible(attemptId, actor);
        Attempt attempt = seen.attempt();
        boolean learner = seen.enrollment().learnerId() == actor.userId();
        if (attempt.status() == AttemptStatus.OPEN && !clock.instant().isBefore(attempt.deadline())) {
            return view(closer.close(attemptId, attempt.enrollmentId(), false).content(), learner);
        }
        return view(transactions.executeRead(status -> reader.read(attempt)), learner);
    }

    /** Saves one answer; refused once the attempt is closed or its deadline passed (which closes it). */
    public AttemptViews.Saved answer(long attemptId, long itemId, AttemptViews.Answer answer, Actor actor) {
        Attempt visible = own(attemptId, actor).attempt();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean late = transactions.executeWrite(status -> {
            Attempt attempt = attempts.lock(attemptId).orElseThrow();
            if (attempt.status() != AttemptStatus.OPEN) {
                throw new ConflictException("writtentest.attempt-closed-it-takes-no", attemptId, attempt.status(), attempt.closedAt());
            }
            if (!now.isBefore(attempt.deadline())) {
                return true;
            }
            AttemptItem drawn = attemptItems.of(attemptId).stream().filter(i -> i.itemId() == itemId).findFirst()
                    .orElseThrow(() -> new NotFoundException("writtentest.attempt-has-no-item", attemptId, itemId));
            Item item = items.findById(itemId).orElseThrow();
            attemptItems.answer(attemptId, itemId, stored(item, OptionOrder.of(drawn.optionOrder()), answer), now);
            return false;
        });
        if (late) {
            closer.close(attemptId, visible.enrollmentId(), false);
            throw new ConflictException("writtentest.time-attempt-ran-out-answer", attemptId, visible.deadline());
        }
        return new AttemptViews.Saved(itemId, now, secondsLeft(visible, now));
    }

    /** The learner submits: the attempt closes and is scored (or was already closed: nothing is recorded twice). */
    public AttemptViews.Attempt submit(long attemptId, Actor actor) {
        Attempt attempt = own(attemptId, actor).attempt();
        return view(closer.close(attemptId, attempt.enrollmentId(), true).content(), true);
    }

    /** Closes attempts whose deadline passed and that nobody came back to; answers how many. */
    int closeExpired() {
        return closer.closeAll(transactions.executeRead(status -> attempts.expired(clock.instant())));
    }

    /**
     * n items per indicator at random from the bank (an item drawn once, for one indicator), those the learner has not
     * {@code seen} first, as far as the bank allows; then shuffled, options too.
     */
    private List<AttemptItem> draw(long attemptId, long courseId, List<TestRepository.Tested> tested, Set<Long> seen) {
        List<Item> bank = items.inBank(courseId);
        Map<Long, List<Long>> byIndicator = bank.isEmpty() ? Map.of() : items.tags(bank.stream().map(Item::id).toList()).stream()
                .collect(Collectors.groupingBy(ItemRepository.Tag::indicatorId, Collectors.mapping(ItemRepository.Tag::itemId, Collectors.toList())));
        Set<Long> taken = new HashSet<>();
        List<long[]> drawn = new ArrayList<>();
        for (TestRepository.Tested indicator : tested) {
            List<Long> candidates = new ArrayList<>(byIndicator.getOrDefault(indicator.indicatorId(), List.of()));
            candidates.removeAll(taken);
            if (candidates.size() < indicator.itemCount()) {
                throw new ConflictException("writtentest.item-bank-no-longer-holds", indicator.itemCount(), indicator.indicator(), candidates.size());
            }
            Collections.shuffle(candidates, random);
            // a stable sort keeps the shuffle within the unseen and within the seen
            candidates.sort(java.util.Comparator.comparing(seen::contains));
            candidates.subList(0, indicator.itemCount()).forEach(item -> {
                taken.add(item);
                drawn.add(new long[]{item, indicator.indicatorId()});
            });
        }
        Collections.shuffle(drawn, random);
        Map<Long, List<Integer>> positions = options.of(taken).stream().collect(Collectors.groupingBy(ItemOption::itemId,
                Collectors.mapping(ItemOption::position, Collectors.toList())));
        Map<Long, ItemKind> kinds = bank.stream().collect(Collectors.toMap(Item::id, Item::kind));
        List<AttemptItem> rows = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            long item = drawn.get(i)[0];
            List<Integer> order = new ArrayList<>(positions.getOrDefault(item, List.of()));
            if (kinds.get(item) != ItemKind.TRUE_FALSE) {
                Collections.shuffle(order, random);
            }
            rows.add(new AttemptItem(attemptId, i + 1, item, drawn.get(i)[1], order.isEmpty() ? null
                    : order.stream().map(String::valueOf).collect(Collectors.joining(",")), null, null, null));
        }
        return rows;
    }

    /** The answer as stored: a short answer's text, or the chosen options' authored positions (the learner names them as shown). */
    private static @Nullable String stored(Item item, OptionOrder shown, AttemptViews.Answer answer) {
        if (item.kind() == ItemKind.SHORT_ANSWER) {
            if (answer.choices() != null && !answer.choices().isEmpty()) {
                throw InvalidInputException.of("choices", "writtentest.short-answer-given-as-text");
            }
            String text = answer.text() == null ? "" : answer.text().strip();
            if (text.length() > MAX_TEXT) {
                throw InvalidInputException.of("text", "writtentest.answer-has-most-characters", MAX_TEXT);
            }
            return text.isEmpty() ? null : text;
        }
        if (answer.text() != null) {
            throw InvalidInputException.of("text", "writtentest.item-answered-with-choices-option", item.kind());
        }
        List<Integer> choices = answer.choices() == null ? List.of() : answer.choices();
        if (choices.stream().anyMatch(Objects::isNull) || new HashSet<>(choices).size() != choices.size()) {
            throw InvalidInputException.of("choices", "writtentest.choices-are-distinct-ids-item");
        }
        List<Integer> positions = new ArrayList<>();
        for (int choice : choices) {
            Integer position = shown.authored(choice);
            if (position == null) {
                throw InvalidInputException.of("choices", "writtentest.item-has-no-option-options", item.id(), choice, shown.size());
            }
            positions.add(position);
        }
        if (item.kind() != ItemKind.MULTIPLE_CHOICE && choices.size() > 1) {
            throw InvalidInputException.of("choices", "writtentest.item-takes-one-choice", item.kind());
        }
        return positions.isEmpty() ? null : Scoring.stored(positions);
    }

    /** An attempt and its enrollment, as one reader may see them. */
    private record Seen(Attempt attempt, EnrollmentRef enrollment) {
    }

    /** The attempt that recorded a piece of written-test evidence, if one did. */
    Optional<Long> ofEvidence(long evidenceId) {
        return transactions.executeRead(status -> attempts.idOfEvidence(evidenceId));
    }

    /**
     * The attempt if it is the actor's own, or of a course they train (or they are an admin); to anyone else it does not
     * exist (the enrollment's own rule: its learner, the course's trainers, admins).
     */
    private Seen visible(long attemptId, Actor actor) {
        return transactions.executeRead(status -> {
            Attempt attempt = attempts.findById(attemptId).orElseThrow(() -> new NotFoundException("writtentest.attempt-not-found", attemptId));
            try {
                return new Seen(attempt, enrollments.requireVisible(attempt.enrollmentId(), actor));
            } catch (NotFoundException hidden) {
                throw new NotFoundException("writtentest.attempt-not-found", attemptId);
            }
        });
    }

    /** Only the learner answers and submits. */
    private Seen own(long attemptId, Actor actor) {
        Seen seen = visible(attemptId, actor);
        if (seen.enrollment().learnerId() != actor.userId()) {
            throw new ForbiddenException("writtentest.only-learner-answers-submits-their");
        }
        return seen;
    }

    private long secondsLeft(Attempt attempt, Instant now) {
        return attempt.status() != AttemptStatus.OPEN ? 0 : Math.max(0, Duration.between(now, attempt.deadline()).toSeconds());
    }

    /**
     * The attempt as the API shows it: nothing of the key while it is open; once closed, the score per indicator, and
     * right and wrong and the key as the test's review settings allow its {@code learner} (its trainers see all).
     */
    private AttemptViews.Attempt view(AttemptContent content, boolean learner) {
        Attempt attempt = content.attempt();
        boolean closed = attempt.status() != AttemptStatus.OPEN;
        WrittenTest test = content.test();
        Instant now = clock.instant();
        boolean noneLeft = learner && closed && noAttemptLeft(test, attempt.enrollmentId());
        boolean showCorrect = closed && (!learner || test.showCorrect().reached(true, noneLeft, test.closesAt(), now));
        boolean showKey = closed && (!learner || test.showKey().reached(true, noneLeft, test.closesAt(), now));
        Map<Long, String> indicators = content.tested().stream().collect(Collectors.toMap(TestRepository.Tested::indicatorId, TestRepository.Tested::indicator));
        List<AttemptViews.Question> questions = content.drawn().stream().map(drawn -> {
            Item item = content.items().get(drawn.itemId());
            Map<Integer, String> texts = content.options().getOrDefault(item.id(), List.of()).stream()
                    .collect(Collectors.toMap(ItemOption::position, ItemOption::text));
            OptionOrder order = OptionOrder.of(drawn.optionOrder());
            List<AttemptViews.Choice> shown = new ArrayList<>();
            for (int place = 1; place <= order.size(); place++) {
                shown.add(new AttemptViews.Choice(place, texts.get(order.authored(place))));
            }
            boolean choice = item.kind().scoredByMachine();
            return new AttemptViews.Question(item.id(), drawn.position(), indicators.get(drawn.indicatorId()), item.kind(), item.stem(), shown,
                    choice ? order.shown(Scoring.choices(drawn.answer())) : null, choice ? null : drawn.answer(), drawn.answeredAt(),
                    showKey && choice ? order.shown(content.key(item.id())) : null,
                    showCorrect ? content.correct(drawn) : null,
                    showKey ? item.modelAnswer() : null);
        }).toList();
        return new AttemptViews.Attempt(attempt.id(), attempt.testId(), content.test().title(), attempt.attemptNumber(), attempt.status(),
                attempt.startedAt(), attempt.deadline(), secondsLeft(attempt, clock.instant()), attempt.closedAt(), questions,
                closed ? scores(content) : null, attempt.evidenceId());
    }

    /** Whether the learner has used every attempt of the test, none of them still open. */
    private boolean noAttemptLeft(WrittenTest test, long enrollmentId) {
        List<Attempt> all = transactions.executeRead(status -> attempts.findByTestIdAndEnrollmentIdOrderByAttemptNumber(test.id(), enrollmentId));
        return all.size() >= test.maxAttempts() && all.stream().noneMatch(a -> a.status() == AttemptStatus.OPEN);
    }

    private static List<AttemptViews.Score> scores(AttemptContent content) {
        return content.tallies().stream().map(t -> new AttemptViews.Score(t.tested().indicator(), t.items(), t.correct(), t.tested().passMark(),
                t.outcome())).toList();
    }
}
