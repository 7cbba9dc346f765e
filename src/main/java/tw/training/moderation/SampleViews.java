package tw.training.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import tw.training.evidence.Views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Samples and sampled judgements as the API and pages show them. */
public final class SampleViews {

    private SampleViews() {
    }

    /**
     * A sample: what it was drawn with, and whether drawing it again from its recorded population gives it again.
     *
     * @param reproduced the recorded population still hashes to {@code populationHash} and the seed draws these items from it
     */
    @Serdeable
    public record Sample(long id, long courseId, LocalDate from, LocalDate to, double confidence, double error, double p, String seed,
                         int populationSize, String populationHash, int formulaSize, int sampled, String drawnBy, Instant drawnAt,
                         boolean reproduced, int marked, int disagreements, int resolved, List<Item> items) {
    }

    /** A sample as listed: its period and how far its second marking has gone. */
    @Serdeable
    public record Listed(long id, LocalDate from, LocalDate to, int populationSize, int sampled, int marked, int disagreements, int resolved,
                         Instant drawnAt) {
    }

    /**
     * A sampled judgement. Until it is second-marked the first marking ({@code first}) is absent: the moderator
     * decides blind.
     *
     * @param state AWAITING_SECOND_MARKING, AGREED, DISAGREED (awaiting resolution) or RESOLVED
     */
    @Serdeable
    public record Item(long id, long sampleId, long evidenceId, String learner, String method, String title, @Nullable String description,
                       @Nullable LocalDate performedOn, Instant submittedAt, List<Views.File> files, String indicator, String indicatorText,
                       String state, @Nullable Marking first, @Nullable Marking second, @Nullable Marking resolution) {
    }

    /** One marking of an item: by whom, the outcome, the comment (the reason, for a resolution), when; and its judgement. */
    @Serdeable
    public record Marking(@Nullable Long judgementId, String by, String outcome, @Nullable String comment, Instant at) {
    }

    /** A judgement of a sample's recorded population, with its stratum: what an auditor redraws from. */
    @Serdeable
    public record Member(long judgementId, long assessorId, long indicatorId) {
    }

    /** The recorded population, its hash and the seed: with {@link Sampling}'s rules, enough to redraw the sample. */
    @Serdeable
    public record Population(long sampleId, String seed, double confidence, double error, double p, String populationHash,
                             List<Member> judgements, List<Long> sampled) {
    }
}
