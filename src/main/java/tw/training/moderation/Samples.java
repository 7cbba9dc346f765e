package tw.training.moderation;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.database.Sql;
import tw.training.phrase.Phrase;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;

import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Drawing a course's moderation sample for a period (days in Taiwan, both included) with {@link Sampling}, and reading
 * samples back. The population is recorded with the sample, so the draw can be made again from it by anyone, here
 * ({@code reproduced}) or by an auditor from {@code GET /api/moderation/samples/{id}/population}. Without a seed one is
 * made (128 random bits) and recorded. A form's one-time key makes it draw once when sent twice.
 */
@Singleton
public class Samples {

    private static final int MAX_SEED = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ModerationRepository moderation;
    private final ItemRepository items;
    private final PopulationRepository populations;
    private final Moderators moderators;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<ModerationRecorded> events;
    private final Clock clock;

    Samples(ModerationRepository moderation, ItemRepository items, PopulationRepository populations, Moderators moderators,
            TransactionOperations<Connection> transactions, ApplicationEventPublisher<ModerationRecorded> events, Clock clock) {
        this.moderation = moderation;
        this.items = items;
        this.populations = populations;
        this.moderators = moderators;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What to draw: the period (yyyy-mm-dd, {@code to} at the latest today), and optionally the seed and the formula's
     * inputs (defaults 0.95, 0.15, 0.5); {@code submissionKey} a form's one-time key.
     */
    @Serdeable
    public record DrawBody(@Nullable String from, @Nullable String to, @Nullable String seed, @Nullable Double confidence,
                           @Nullable Double error, @Nullable Double p, @Nullable String submissionKey) {
    }

    /** Draws the sample, or answers the one already drawn with the same one-time key. */
    public SampleViews.Sample draw(long courseId, DrawBody body, Actor actor) {
        moderators.requireModerator(courseId, actor);
        String key = body.submissionKey() == null || body.submissionKey().isBlank() ? null : body.submissionKey().strip();
        try {
            long id = transactions.executeWrite(status -> Optional.ofNullable(key).flatMap(moderation::findBySubmissionKey).map(SampleRow::id)
                    .orElseGet(() -> drawn(courseId, body, key, actor)));
            return get(id, actor);
        } catch (RuntimeException e) {
            // the same form twice at once: the second finds the first's sample once it committed
            if (key == null || !Sql.isUniqueViolation(e)) {
                throw e;
            }
            return get(moderation.findBySubmissionKey(key).orElseThrow(() -> e).id(), actor);
        }
    }

    private long drawn(long courseId, DrawBody body, @Nullable String key, Actor actor) {
        List<InputError> errors = new ArrayList<>();
        LocalDate today = Days.today(clock);
        LocalDate from = Days.required(body.from(), "from", errors);
        LocalDate to = Days.required(body.to(), "to", errors);
        if (to != null && to.isAfter(today)) {
            errors.add(InputError.field("to", "moderation.day-not-future"));
        }
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(InputError.field("to", "moderation.to-after-from"));
        }
        double confidence = share(body.confidence(), 0.95, "confidence", errors);
        double error = share(body.error(), 0.15, "error", errors);
        double p = share(body.p(), 0.5, "p", errors);
        String seed = body.seed() == null || body.seed().isBlank() ? HexFormat.of().formatHex(RANDOM.generateSeed(16)) : body.seed().strip();
        if (seed.length() > MAX_SEED) {
            errors.add(InputError.field("seed", "moderation.at-most", MAX_SEED));
        }
        List<ModerationRepository.Judged> population = errors.isEmpty()
                ? moderation.population(courseId, Days.start(from), Days.start(to.plusDays(1))) : List.of();
        if (errors.isEmpty() && population.isEmpty()) {
            errors.add(InputError.field("from", "moderation.no-judgements-in-period"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("moderation.sample-not-valid"), errors);
        }
        Sampling.Sample sample = Sampling.draw(strata(population), seed, confidence, error, p);
        SampleRow row = moderation.save(new SampleRow(null, courseId, from, to, confidence, error, p, seed, population.size(),
                sample.populationHash(), sample.formulaSize(), actor.userId(), clock.instant().truncatedTo(ChronoUnit.MICROS), key));
        populations.saveAll(population.stream().map(j -> new PopulationRow(row.id(), j.judgementId(), j.assessorId(), j.indicatorId())).toList());
        items.saveAll(sample.judgementIds().stream().map(id -> ItemRow.drawn(row.id(), id)).toList());
        events.publishEvent(new ModerationRecorded(ModerationRecorded.Kind.SAMPLE_DRAWN, row.id()));
        return row.id();
    }

    /** The course's samples, newest first, to its moderators and its lead trainer. */
    @ReadOnly
    public List<SampleViews.Listed> of(long courseId, Actor actor) {
        if (!moderators.leads(courseId, actor)) {
            moderators.requireModerator(courseId, actor);
        }
        Map<Long, ModerationRepository.Progress> progress = moderation.progress(courseId).stream()
                .collect(Collectors.toMap(ModerationRepository.Progress::sampleId, Function.identity()));
        return moderation.findByCourseIdOrderByIdDesc(courseId).stream().map(s -> {
            ModerationRepository.Progress made = progress.get(s.id());
            return new SampleViews.Listed(s.id(), s.periodFrom(), s.periodTo(), s.populationSize(), made == null ? 0 : (int) made.items(),
                    made == null ? 0 : (int) made.marked(), made == null ? 0 : (int) made.disagreements(), made == null ? 0 : (int) made.resolved(),
                    s.drawnAt());
        }).toList();
    }

    /** A sample with its items, the first markings hidden until second-marked. */
    @ReadOnly
    public SampleViews.Sample get(long sampleId, Actor actor) {
        SampleRow sample = found(sampleId, actor);
        List<ModerationRepository.Item> rows = moderation.items(sampleId);
        List<SampleViews.Item> shown = rows.stream().map(i -> SecondMarking.view(i, List.of())).toList();
        List<Long> sampled = rows.stream().map(ModerationRepository.Item::judgementId).toList();
        String drawnBy = moderation.people(List.of(sample.drawnBy())).stream().findFirst().map(ModerationRepository.Person::displayName).orElse("");
        return new SampleViews.Sample(sample.id(), sample.courseId(), sample.periodFrom(), sample.periodTo(), sample.confidence(),
                sample.errorLevel(), sample.proportion(), sample.seed(), sample.populationSize(), sample.populationHash(), sample.formulaSize(),
                rows.size(), drawnBy, sample.drawnAt(), reproduced(sample, sampled), (int) shown.stream().filter(i -> i.second() != null).count(),
                (int) shown.stream().filter(i -> !"AWAITING_SECOND_MARKING".equals(i.state()) && !"AGREED".equals(i.state())).count(),
                (int) shown.stream().filter(i -> "RESOLVED".equals(i.state())).count(), shown);
    }

    /** The recorded population with its strata, the seed and what was drawn: an auditor's input. */
    @ReadOnly
    public SampleViews.Population population(long sampleId, Actor actor) {
        SampleRow sample = found(sampleId, actor);
        return new SampleViews.Population(sampleId, sample.seed(), sample.confidence(), sample.errorLevel(), sample.proportion(),
                sample.populationHash(), populations.findBySampleIdOrderByJudgementId(sampleId).stream()
                .map(m -> new SampleViews.Member(m.judgementId(), m.assessorId(), m.indicatorId())).toList(),
                moderation.items(sampleId).stream().map(ModerationRepository.Item::judgementId).sorted().toList());
    }

    /** Whether the recorded population still hashes as recorded and the seed draws the same judgements from it. */
    private boolean reproduced(SampleRow sample, List<Long> sampled) {
        List<Sampling.Judged> population = populations.findBySampleIdOrderByJudgementId(sample.id()).stream()
                .map(m -> new Sampling.Judged(m.judgementId(), m.assessorId(), m.indicatorId())).toList();
        Sampling.Sample again = Sampling.draw(population, sample.seed(), sample.confidence(), sample.errorLevel(), sample.proportion());
        return again.populationHash().equals(sample.populationHash()) && again.judgementIds().equals(sampled.stream().sorted().toList());
    }

    /** The sample, to its course's moderators and its lead trainer (who resolves its disagreements). */
    private SampleRow found(long sampleId, Actor actor) {
        SampleRow sample = moderation.findById(sampleId).orElseThrow(() -> new NotFoundException("moderation.sample-not-found", sampleId));
        if (!moderators.leads(sample.courseId(), actor)) {
            moderators.requireModerator(sample.courseId(), actor);
        }
        return sample;
    }

    private static List<Sampling.Judged> strata(List<ModerationRepository.Judged> population) {
        return population.stream().map(j -> new Sampling.Judged(j.judgementId(), j.assessorId(), j.indicatorId())).toList();
    }

    private static double share(@Nullable Double value, double otherwise, String field, List<InputError> errors) {
        if (value == null) {
            return otherwise;
        }
        if (!(value > 0 && value < 1)) {
            errors.add(InputError.field(field, "moderation.between-zero-and-one"));
            return otherwise;
        }
        return value;
    }
}
