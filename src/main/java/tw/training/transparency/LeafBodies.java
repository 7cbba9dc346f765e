package tw.training.transparency;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Each leaf's content: the record as a JSON object ({@code kind}, {@code id} and the record's fields), hashed in its
 * RFC 8785 canonical form. The same derivation serves appending and export, so a record unchanged gives its leaf again.
 */
@Singleton
class LeafBodies {

    private final RecordRepository records;

    LeafBodies(RecordRepository records) {
        this.records = records;
    }

    /** The bodies of some records of one kind, by record id; a record that no longer exists has none. */
    Map<Long, JsonObject> of(LeafKind kind, Collection<Long> ids) {
        Map<Long, JsonObject> bodies = new HashMap<>();
        if (ids.isEmpty()) {
            return bodies;
        }
        switch (kind) {
            case JUDGEMENT -> records.judgements(ids).forEach(j -> bodies.put(j.judgementId(), judgement(j)));
            case EVIDENCE -> evidence(ids, bodies);
            case CERTIFICATE_ISSUED -> records.issues(ids).forEach(c -> bodies.put(c.certificateId(), start(kind, c.certificateId())
                    .add("number", c.number()).add("enrollment", c.enrollmentId()).add("course", c.courseId()).add("issuedAt", c.issuedAt().toString())
                    .add("issuedBy", c.issuedBy()).add("learnerName", c.learnerName()).add("courseCode", c.courseCode())
                    .add("courseTitle", c.courseTitle()).build()));
            case CERTIFICATE_REVOKED -> records.revocations(ids).forEach(c -> bodies.put(c.certificateId(), start(kind, c.certificateId())
                    .add("number", c.number()).add("revokedAt", c.revokedAt() == null ? "" : c.revokedAt().toString())
                    .add("revokedBy", c.revokedBy() == null ? 0 : c.revokedBy()).add("reason", text(c.revocationReason())).build()));
            case THIRD_PARTY_REPORT -> records.reports(ids).forEach(r -> bodies.put(r.thirdPartyRequestId(), start(kind, r.thirdPartyRequestId())
                    .add("enrollment", r.enrollmentId()).add("reportHash", r.reportHash()).add("signedAt", r.submittedAt().toString()).build()));
            case MODERATION_SAMPLE -> samples(ids, bodies);
            case SECOND_MARKING -> records.secondMarkings(ids).forEach(m -> bodies.put(m.itemId(), start(kind, m.itemId())
                    .add("sample", m.sampleId()).add("judgement", m.judgementId()).add("outcome", m.secondOutcome())
                    .add("comment", text(m.secondComment())).add("by", m.secondBy()).add("at", m.secondAt().toString()).build()));
            case RESOLUTION -> records.resolutions(ids).forEach(r -> bodies.put(r.itemId(), start(kind, r.itemId())
                    .add("judgement", r.resolutionJudgementId()).add("by", r.resolvedBy()).add("at", r.resolvedAt().toString()).build()));
            case LEARNER_MOVE -> moves(ids, bodies);
            case MOVE_REVERTED -> records.reversals(ids).forEach(r -> bodies.put(r.moveId(), start(kind, r.moveId())
                    .add("by", r.revertedBy()).add("at", r.revertedAt().toString()).build()));
        }
        return bodies;
    }

    /** A judgement's body, from its row as read or as just written. */
    static JsonObject judgement(RecordRepository.JudgementRecord j) {
        return start(LeafKind.JUDGEMENT, j.judgementId())
                .add("evidence", j.evidenceId()).add("indicator", j.indicatorId()).add("outcome", j.outcome())
                .add("comment", text(j.comment())).add("assessor", j.assessorId()).add("judgedAt", j.judgedAt().toString())
                .add("authenticity", text(j.authenticity())).add("evidencePieces", number(j.evidencePieces()))
                .add("evidenceMethods", number(j.evidenceMethods())).add("rulesOverridden", text(j.rulesOverridden()))
                .add("overrideReason", text(j.overrideReason())).build();
    }

    /** A leaf's hash: SHA-256(0x00 ‖ the body's canonical form). */
    static byte[] leafHash(JsonObject body) {
        return MerkleTree.leafHash(canonical(body));
    }

    static byte[] canonical(JsonObject body) {
        try {
            return new JsonCanonicalizer(body.toString()).getEncodedUTF8();
        } catch (IOException e) {
            // the text comes from a JSON object just built or read: it is JSON
            throw new IllegalStateException("canonicalization failed", e);
        }
    }

    /** A piece with its claims (indicator row ids, in order) and files (SHA-256 and size, in order). */
    private void evidence(Collection<Long> ids, Map<Long, JsonObject> bodies) {
        Map<Long, JsonArrayBuilder> claims = new HashMap<>();
        records.claims(ids).forEach(c -> claims.computeIfAbsent(c.evidenceId(), id -> Json.createArrayBuilder()).add(c.indicatorId()));
        Map<Long, JsonArrayBuilder> files = new HashMap<>();
        records.files(ids).forEach(f -> files.computeIfAbsent(f.evidenceId(), id -> Json.createArrayBuilder())
                .add(Json.createObjectBuilder().add("sha256", f.sha256()).add("size", f.sizeBytes())));
        for (RecordRepository.EvidenceRecord e : records.evidence(ids)) {
            bodies.put(e.evidenceId(), start(LeafKind.EVIDENCE, e.evidenceId()).add("enrollment", e.enrollmentId()).add("method", e.method())
                    .add("title", e.title()).add("submittedAt", e.submittedAt().toString())
                    .add("performedOn", e.performedOn() == null ? "" : e.performedOn().toString())
                    .add("claims", claims.getOrDefault(e.evidenceId(), Json.createArrayBuilder()))
                    .add("files", files.getOrDefault(e.evidenceId(), Json.createArrayBuilder())).build());
        }
    }

    /** A learner's move with the judgements it carried ([carried, carried from], in order). */
    private void moves(Collection<Long> ids, Map<Long, JsonObject> bodies) {
        Map<Long, JsonArrayBuilder> carried = new HashMap<>();
        records.carried(ids).forEach(c -> carried.computeIfAbsent(c.moveId(), id -> Json.createArrayBuilder())
                .add(Json.createArrayBuilder().add(c.judgementId()).add(c.carriedFrom())));
        for (RecordRepository.MoveRecord m : records.moves(ids)) {
            bodies.put(m.moveId(), start(LeafKind.LEARNER_MOVE, m.moveId()).add("enrollment", m.enrollmentId()).add("fromRevision", m.fromRevisionId())
                    .add("toRevision", m.toRevisionId()).add("via", m.via()).add("by", m.movedBy()).add("at", m.movedAt().toString())
                    .add("carried", carried.getOrDefault(m.moveId(), Json.createArrayBuilder())).build());
        }
    }

    /** A sample with its inputs, its population's hash and the judgements it drew (ids, in order). */
    private void samples(Collection<Long> ids, Map<Long, JsonObject> bodies) {
        Map<Long, JsonArrayBuilder> drawn = new HashMap<>();
        records.sampled(ids).forEach(s -> drawn.computeIfAbsent(s.sampleId(), id -> Json.createArrayBuilder()).add(s.judgementId()));
        for (RecordRepository.SampleRecord s : records.samples(ids)) {
            bodies.put(s.sampleId(), start(LeafKind.MODERATION_SAMPLE, s.sampleId()).add("course", s.courseId())
                    .add("from", s.periodFrom().toString()).add("to", s.periodTo().toString()).add("confidence", s.confidence())
                    .add("error", s.errorLevel()).add("p", s.proportion()).add("seed", s.seed()).add("populationSize", s.populationSize())
                    .add("populationHash", s.populationHash()).add("formulaSize", s.formulaSize()).add("drawnBy", s.drawnBy())
                    .add("drawnAt", s.drawnAt().toString()).add("sampled", drawn.getOrDefault(s.sampleId(), Json.createArrayBuilder())).build());
        }
    }

    private static JsonObjectBuilder start(LeafKind kind, long id) {
        return Json.createObjectBuilder().add("kind", kind.name()).add("id", id);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static long number(@Nullable Integer value) {
        return value == null ? -1 : value;
    }
}
