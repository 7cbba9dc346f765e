package tw.training.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.phrase.Phrase;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A course's assessor statistics for a period (days in Taiwan, both included; by default the twelve months to today),
 * read in two set-based queries (the first attempts, the second-marked pairs) and computed by
 * {@link AssessorStatistics}; each line with its reading in words. To the course's moderators and its lead trainer.
 */
@Singleton
public class AssessorReport {


    private final ModerationRepository moderation;
    private final Moderators moderators;
    private final Clock clock;

    AssessorReport(ModerationRepository moderation, Moderators moderators, Clock clock) {
        this.moderation = moderation;
        this.moderators = moderators;
        this.clock = clock;
    }

    /** The statistics of a period; each reading a phrase, put into words in the reader's language. */
    public record Report(long courseId, LocalDate from, LocalDate to, List<Line> leniency, List<Pairs> agreement) {
    }

    /** One assessor against the others on the first attempts of the same indicators. */
    public record Line(String assessor, String displayName, AssessorStatistics.Leniency figures, Phrase reading) {
    }

    /** One assessor's second-marked pairs. */
    public record Pairs(String assessor, String displayName, AssessorStatistics.Agreement figures, Phrase reading) {
    }

    /** The report as the API answers it, its readings in words. */
    @Serdeable
    public record Answer(long courseId, LocalDate from, LocalDate to, List<LineAnswer> leniency, List<PairsAnswer> agreement) {
    }

    @Serdeable
    public record LineAnswer(String assessor, String displayName, int judgements, double metRate, double othersMetRate, double p, double adjustedP,
                             String direction, boolean flagged, String reading) {
    }

    @Serdeable
    public record PairsAnswer(String assessor, String displayName, int pairs, double kappa, int firstMetSecondNotYet, int firstNotYetSecondMet,
                              double p, String direction, boolean flagged, String reading) {
    }

    @ReadOnly
    public Report of(long courseId, @Nullable String from, @Nullable String to, Actor actor) {
        if (!moderators.leads(courseId, actor)) {
            moderators.requireModerator(courseId, actor);
        }
        LocalDate today = Days.today(clock);
        List<InputError> errors = new ArrayList<>();
        LocalDate last = to == null || to.isBlank() ? today : Days.required(to, "to", errors);
        LocalDate first = from == null || from.isBlank() ? (last == null ? today : last).minusYears(1).plusDays(1) : Days.required(from, "from", errors);
        if (first != null && last != null && first.isAfter(last)) {
            errors.add(InputError.field("to", "moderation.to-after-from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("moderation.period-not-valid"), errors);
        }
        var since = Days.start(first);
        var until = Days.start(last.plusDays(1));
        List<AssessorStatistics.Leniency> leniency = AssessorStatistics.againstPool(moderation.firstAttempts(courseId, since, until).stream()
                .map(f -> new AssessorStatistics.Judged(f.assessorId(), f.indicatorId(), "MET".equals(f.outcome()))).toList());
        Map<Long, List<boolean[]>> pairs = new HashMap<>();
        moderation.pairs(courseId, since, until).forEach(pair -> pairs.computeIfAbsent(pair.assessorId(), a -> new ArrayList<>())
                .add(new boolean[]{"MET".equals(pair.firstOutcome()), "MET".equals(pair.secondOutcome())}));
        List<AssessorStatistics.Agreement> agreement = pairs.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> AssessorStatistics.paired(e.getKey(), e.getValue())).toList();
        Set<Long> ids = new HashSet<>(pairs.keySet());
        leniency.forEach(l -> ids.add(l.assessorId()));
        Map<Long, ModerationRepository.Person> people = ids.isEmpty() ? Map.of() : moderation.people(ids).stream()
                .collect(Collectors.toMap(ModerationRepository.Person::userId, p -> p));
        return new Report(courseId, first, last,
                leniency.stream().map(l -> new Line(people.get(l.assessorId()).username(), people.get(l.assessorId()).displayName(), l,
                        reading(people.get(l.assessorId()).displayName(), l))).toList(),
                agreement.stream().map(a -> new Pairs(people.get(a.assessorId()).username(), people.get(a.assessorId()).displayName(), a,
                        reading(people.get(a.assessorId()).displayName(), a))).toList());
    }

    /** The report with its readings in the words of {@code locale}. */
    public static Answer answer(Report report, java.util.Locale locale) {
        return new Answer(report.courseId(), report.from(), report.to(), report.leniency().stream().map(l -> new LineAnswer(l.assessor(),
                l.displayName(), l.figures().judgements(), l.figures().metRate(), l.figures().othersMetRate(), l.figures().p(),
                l.figures().adjustedP(), l.figures().direction().name(), l.figures().flagged(), l.reading().in(locale))).toList(),
                report.agreement().stream().map(a -> new PairsAnswer(a.assessor(), a.displayName(), a.figures().pairs(), a.figures().kappa(),
                        a.figures().firstMetSecondNot(), a.figures().firstNotSecondMet(), a.figures().p(), a.figures().direction().name(),
                        a.figures().flagged(), a.reading().in(locale))).toList());
    }

    /** "A met 92% where others met 71% on the same indicators; unlikely by chance, p = 0.003", or why nothing is said. */
    static Phrase reading(String name, AssessorStatistics.Leniency l) {
        String met = percent(l.metRate());
        String others = percent(l.othersMetRate());
        if (l.judgements() == 0) {
            // nobody else judged the indicators this assessor judged: there is nothing to compare with
            return Phrase.of("moderation.reading.no-others", name);
        }
        if (l.judgements() < AssessorStatistics.FLAG_FROM) {
            return Phrase.of("moderation.reading.too-few", name, met, others, l.judgements(), AssessorStatistics.FLAG_FROM);
        }
        if (l.flagged()) {
            return Phrase.of(l.direction() == AssessorStatistics.Direction.HARSH ? "moderation.reading.harsh" : "moderation.reading.lenient",
                    name, met, others, p(l.adjustedP()));
        }
        return Phrase.of("moderation.reading.in-line", name, met, others, p(l.adjustedP()));
    }

    /** "κ = 0.62 over 25 pairs; the second marker said NOT_YET 7 times where A said MET, MET twice where A said NOT_YET: …". */
    static Phrase reading(String name, AssessorStatistics.Agreement a) {
        String kappa = String.format(java.util.Locale.ROOT, "%.2f", a.kappa());
        if (a.pairs() < AssessorStatistics.FLAG_FROM) {
            return Phrase.of("moderation.reading.pairs-too-few", name, kappa, a.pairs(), a.firstMetSecondNot(), a.firstNotSecondMet(),
                    AssessorStatistics.FLAG_FROM);
        }
        if (a.flagged()) {
            return Phrase.of(a.direction() == AssessorStatistics.Direction.HARSH ? "moderation.reading.pairs-harsh" : "moderation.reading.pairs-lenient",
                    name, kappa, a.pairs(), a.firstMetSecondNot(), a.firstNotSecondMet(), p(a.p()));
        }
        return Phrase.of("moderation.reading.pairs-in-line", name, kappa, a.pairs(), a.firstMetSecondNot(), a.firstNotSecondMet(), p(a.p()));
    }

    private static String percent(double rate) {
        return Math.round(rate * 100) + "%";
    }

    /** p as people read it: three decimals, or "< 0.001". */
    private static String p(double p) {
        return p < 0.001 ? "< 0.001" : "= " + String.format(java.util.Locale.ROOT, "%.3f", p);
    }
}
