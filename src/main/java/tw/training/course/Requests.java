package tw.training.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/** The bodies the course API takes. Fields are nullable so that the service can name every one missing. */
public final class Requests {

    private Requests() {
    }

    /** SPEC §3: {@code POST /api/courses}. */
    @Serdeable
    public record CreateCourse(@Nullable String code, @Nullable String title, @Nullable String description,
                               @Nullable BigDecimal hours) {
    }

    /** SPEC §3: {@code POST /api/courses/{id}/alignments}; no indicatorCodes means the whole task. */
    @Serdeable
    public record Align(@Nullable String standardCode, @Nullable String taskCode, @Nullable List<String> methods,
                        @Nullable List<String> indicatorCodes) {
    }

    /** The methods one planned indicator requires. */
    @Serdeable
    public record Methods(@Nullable List<String> methods) {
    }

    /** One planned indicator's row of the sufficiency matrix; {@code thirdPartyAlone} absent means false. */
    @Serdeable
    public record Sufficiency(@Nullable Integer minPieces, @Nullable Integer minMethods, @Nullable Boolean thirdPartyAlone) {
    }

    /** The currency rule: how many months old a piece's performance may be when a MET rests on it. */
    @Serdeable
    public record Currency(@Nullable Integer months) {
    }

    /** A session of the course and the aligned tasks it covers (ids like KPS5294-001v4:T2.3). */
    @Serdeable
    public record Module(@Nullable String title, @Nullable BigDecimal hours, @Nullable String description,
                         @Nullable List<String> tasks) {
    }

    /** A trainer to name on a course. */
    @Serdeable
    public record Trainer(@Nullable String username) {
    }
}
