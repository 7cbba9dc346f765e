package tw.training.progress;

import io.micronaut.core.annotation.Nullable;

/** Beside a judgement that met an indicator, what a learner's plan shows: the evidence's title, the assessor's comment. */
public record MetNote(String evidenceTitle, @Nullable String comment) {
}
