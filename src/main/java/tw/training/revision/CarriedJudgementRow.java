package tw.training.revision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import tw.training.evidence.Outcome;

import java.time.Instant;

/**
 * A judgement a move writes: the system's MET on the same evidence for the newer indicator, naming the judgement it
 * carries and the move. The columns of the rules of evidence stay empty: the carried judgement found them, this one
 * only points at it. (The evidence feature's own row type is the assessors'; this one is the move's alone.)
 */
@MappedEntity("judgement")
record CarriedJudgementRow(@Id @GeneratedValue @MappedProperty("judgement_id") @Nullable Long id, long evidenceId, long indicatorId,
                           Outcome outcome, long assessorId, Instant judgedAt, long carriedFrom, long moveId) {
}
