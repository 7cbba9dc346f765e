package tw.training.transparency;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import tw.training.address.PublicUrl;
import tw.training.badge.BadgeKey;
import tw.training.certificate.CertificateIssued;
import tw.training.certificate.CertificateRevoked;
import tw.training.evidence.EvidenceScored;
import tw.training.evidence.EvidenceSubmitted;
import tw.training.database.Sql;
import tw.training.evidence.JudgementsRecorded;
import tw.training.moderation.ModerationRecorded;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;
import tw.training.revision.LearnersMoved;
import tw.training.revision.MoveReverted;
import tw.training.thirdparty.ReportSigned;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The transparency log: queues a leaf for each judgement, piece of evidence, third-party report, certificate issued and
 * revoked, moderation sample, second marking and resolution in the transaction that records it, just before it commits
 * (so the record and its leaf commit together or not at all); sequences queued leaves into the tree; signs checkpoints;
 * answers inclusion and consistency proofs; and exports the leaves' contents for an auditor's replay.
 */
@Singleton
public class TransparencyLog {

    private static final HexFormat HEX = HexFormat.of();
    /** Leaves exported per read. */
    private static final int EXPORT_BATCH = 1_000;
    /** Queued leaves given their indexes per turn of the sequencer. */
    private static final int INTEGRATE_BATCH = 5_000;
    private static final List<String> QUEUE_COLUMNS = List.of("kind", "record_id", "leaf_hash");
    private static final List<String> LEAF_COLUMNS = List.of("leaf_index", "kind", "record_id", "leaf_hash");

    private final LeafRepository leaves;
    private final QueueRepository queued;
    private final CheckpointRepository checkpoints;
    private final RecordRepository records;
    private final LeafBodies bodies;
    private final BadgeKey key;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;
    private final String origin;
    /** Off only to measure what the log costs (JudgementBenchmark): a service that records without it has no log to show. */
    private final boolean appending;
    /**
     * Complete subtrees' hashes, kept as they are first needed (they never change): a checkpoint or a proof reads fewer
     * than twice {@code app.transparency.subtree-block} leaves once warm.
     */
    private final SubtreeCache subtrees;
    private final Sql sql;

    TransparencyLog(LeafRepository leaves, QueueRepository queued, CheckpointRepository checkpoints, RecordRepository records, LeafBodies bodies, BadgeKey key,
                    Clock clock, TransactionOperations<Connection> transactions, PublicUrl publicUrl,
                    @Value("${app.transparency.origin:}") String origin, @Value("${app.transparency.enabled:true}") boolean appending,
                    @Value("${app.transparency.subtree-block:4096}") long subtreeBlock, Sql sql) {
        this.appending = appending;
        this.sql = sql;
        this.subtrees = new SubtreeCache((from, to) -> leaves.hashes(from, to).stream().map(HEX::parseHex).toList(), subtreeBlock);
        this.transactions = transactions;
        this.leaves = leaves;
        this.queued = queued;
        this.checkpoints = checkpoints;
        this.records = records;
        this.bodies = bodies;
        this.key = key;
        this.clock = clock;
        this.origin = origin.isBlank() ? URI.create(publicUrl.value()).getAuthority() + "/transparency" : origin.strip();
    }

    /** A checkpoint as listed: its size, root (hex), when it was signed, and the signed note itself. */
    @Serdeable
    public record Listed(long size, String root, java.time.Instant signedAt, String note) {
    }

    /** An inclusion proof: the leaf's hash and the audit path (hex), against the checkpoint of {@code size}. */
    @Serdeable
    public record Inclusion(long leaf, long size, String leafHash, List<String> proof) {
    }

    /** A consistency proof between the checkpoints of {@code from} and {@code to} leaves (hex). */
    @Serdeable
    public record Consistency(long from, long to, List<String> proof) {
    }

    /**
     * A judgement's leaf is hashed from the row as the event carries it, just written, not read back: judging is the
     * busiest write there is, and one statement fewer in it is most of what the log costs there (issue 34). The
     * export reads the same fields from the table, so the two derive one body (TransparencyLogTest replays them).
     */
    @EventListener
    void onJudgements(JudgementsRecorded event) {
        if (!appending || event.judgements().isEmpty()) {
            return;
        }
        List<QueuedRow> rows = event.judgements().stream().map(j -> queued(LeafKind.JUDGEMENT, j.judgementId(), LeafBodies.judgement(
                new RecordRepository.JudgementRecord(j.judgementId(), j.evidenceId(), j.indicatorId(), j.outcome().name(), j.comment(),
                        j.assessorId(), j.judgedAt(), j.authenticity() == null ? null : j.authenticity().name(), j.evidencePieces(),
                        j.evidenceMethods(), j.rulesOverridden(), j.overrideReason())))).toList();
        beforeCommit(LeafKind.JUDGEMENT, () -> enqueue(rows));
    }

    @EventListener
    void onEvidence(EvidenceSubmitted event) {
        beforeCommit(LeafKind.EVIDENCE, List.of(event.evidenceId()));
    }

    @EventListener
    void onScored(EvidenceScored event) {
        beforeCommit(LeafKind.EVIDENCE, event.evidenceIds());
    }

    @EventListener
    void onReportSigned(ReportSigned event) {
        beforeCommit(LeafKind.THIRD_PARTY_REPORT, List.of(event.requestId()));
    }

    @EventListener
    void onModeration(ModerationRecorded event) {
        beforeCommit(switch (event.kind()) {
            case SAMPLE_DRAWN -> LeafKind.MODERATION_SAMPLE;
            case SECOND_MARKING -> LeafKind.SECOND_MARKING;
            case RESOLUTION -> LeafKind.RESOLUTION;
        }, List.of(event.id()));
    }

    /** The carried judgements' leaves first, then the moves' that name them. */
    @EventListener
    void onMoved(LearnersMoved event) {
        if (!appending) {
            return;
        }
        beforeCommit(LeafKind.JUDGEMENT, () -> {
            queue(LeafKind.JUDGEMENT, event.carriedJudgementIds());
            queue(LeafKind.LEARNER_MOVE, event.moveIds());
        });
    }

    @EventListener
    void onMoveReverted(MoveReverted event) {
        beforeCommit(LeafKind.MOVE_REVERTED, List.of(event.moveId()));
    }

    @EventListener
    void onIssued(CertificateIssued event) {
        beforeCommit(LeafKind.CERTIFICATE_ISSUED, List.of(certificate(event.number())));
    }

    @EventListener
    void onRevoked(CertificateRevoked event) {
        beforeCommit(LeafKind.CERTIFICATE_REVOKED, List.of(certificate(event.number())));
    }

    /**
     * Queues the leaves just before the recording transaction commits, their hashes taken from the records as that
     * transaction wrote them: the record and its leaf commit together or not at all. No lock is taken here; the
     * sequencer ({@link #integrate}) gives queued leaves their indexes.
     */
    private void beforeCommit(LeafKind kind, List<Long> recordIds) {
        if (appending) {
            beforeCommit(kind, () -> queue(kind, recordIds));
        }
    }

    private void beforeCommit(LeafKind kind, Runnable queueing) {
        TransactionStatus<?> status = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException(kind + " recorded outside a transaction: its leaf could not commit with it"));
        status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                queueing.run();
            }
        });
    }

    /** Queues the records' leaves in the caller's transaction, their bodies read as that transaction wrote them. */
    void queue(LeafKind kind, List<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return;
        }
        Map<Long, JsonObject> made = bodies.of(kind, recordIds);
        List<QueuedRow> rows = new ArrayList<>(recordIds.size());
        for (long recordId : recordIds) {
            JsonObject body = made.get(recordId);
            if (body == null) {
                throw new IllegalStateException(kind + " " + recordId + " logged in a transaction that cannot read it");
            }
            rows.add(queued(kind, recordId, body));
        }
        enqueue(rows);
    }

    /** In multi-row INSERTs (a batch's thousand leaves in one statement), in order: the queue's order is the log's. */
    private void enqueue(List<QueuedRow> rows) {
        sql.insertAll("transparency_queue", "queue_id", QUEUE_COLUMNS, rows.stream().map(row -> new Object[] {row.kind(), row.recordId(),
                row.leafHash()}).toList());
    }

    private static QueuedRow queued(LeafKind kind, long recordId, JsonObject body) {
        return new QueuedRow(null, kind, recordId, HEX.formatHex(LeafBodies.leafHash(body)));
    }

    /**
     * The sequencer: gives the queued leaves the next indexes, oldest first, in one transaction holding the head's row
     * lock (taken first), so that the sequencers of every instance take their turn and indexes follow each other without
     * a gap; answers how many. A leaf queued by a transaction still open is taken by the next turn.
     */
    public int integrate() {
        return transactions.executeWrite(status -> integrateTurn());
    }

    private int integrateTurn() {
        leaves.grow(0);
        List<QueuedRow> batch = queued.oldest(INTEGRATE_BATCH);
        if (batch.isEmpty()) {
            return 0;
        }
        long first = leaves.size();
        // a record is one leaf: one queued twice (which nothing should do) is given its index once
        Set<String> seen = new HashSet<>();
        batch.stream().collect(Collectors.groupingBy(QueuedRow::kind, Collectors.mapping(QueuedRow::recordId, Collectors.toSet())))
                .forEach((kind, ids) -> leaves.existing(kind.name(), ids).forEach(leaf -> seen.add(leaf.kind() + ":" + leaf.recordId())));
        List<LeafRow> rows = new ArrayList<>(batch.size());
        for (QueuedRow row : batch) {
            if (seen.add(row.kind() + ":" + row.recordId())) {
                rows.add(new LeafRow(first + rows.size(), row.kind(), row.recordId(), row.leafHash()));
            }
        }
        sql.insertAll("transparency_leaf", LEAF_COLUMNS, rows.stream().map(leaf -> new Object[] {leaf.leafIndex(), leaf.kind(), leaf.recordId(),
                leaf.leafHash()}).toList());
        queued.deleteByIdIn(batch.stream().map(QueuedRow::id).toList());
        leaves.grow(rows.size());
        return batch.size();
    }

    /** Everything queued until now given its index (several turns when much is queued). */
    public void integrateAll() {
        while (integrate() == INTEGRATE_BATCH) {
            // another turn: the lock is let go between turns, so recording and other instances are never held long
        }
    }

    /** The log's origin, the name its checkpoints and key are known by. */
    public String origin() {
        return origin;
    }

    /** The verifier key an auditor checks checkpoints with: {@code <origin>+<key hash>+<key>}. */
    public String verifierKey() {
        return new SignedNote.Verifier(origin, key.pair().getPublic()).text();
    }

    /**
     * Gives everything queued its index, then signs a checkpoint of the tree as committed now, unless the last one has
     * that size already; answers the latest.
     */
    public Optional<Listed> checkpoint() {
        integrateAll();
        return transactions.executeWrite(status -> sign());
    }

    private Optional<Listed> sign() {
        long size = leaves.size();
        Optional<CheckpointRow> last = checkpoints.findFirstOrderByTreeSizeDesc();
        if (size > 0 && last.map(row -> row.treeSize() < size).orElse(true)) {
            byte[] root = MerkleTree.root(subtrees, size);
            String note = new Checkpoint(origin, size, root, clock.instant().getEpochSecond()).sign(key.pair());
            checkpoints.keep(size, HEX.formatHex(root), note, clock.instant());
        }
        return checkpoints.findFirstOrderByTreeSizeDesc().map(TransparencyLog::listed);
    }

    /** How many leaves the tree has that no checkpoint covers yet. */
    @ReadOnly
    public long unsigned() {
        return leaves.size() - checkpoints.findFirstOrderByTreeSizeDesc().map(CheckpointRow::treeSize).orElse(0L);
    }

    @ReadOnly
    public Optional<Listed> latest() {
        return checkpoints.findFirstOrderByTreeSizeDesc().map(TransparencyLog::listed);
    }

    @ReadOnly
    public List<Listed> all() {
        return checkpoints.findAllOrderByTreeSizeDesc().stream().map(TransparencyLog::listed).toList();
    }

    /** The inclusion proof of leaf {@code leaf} in the tree of a signed checkpoint's {@code size}. */
    @ReadOnly
    public Inclusion inclusion(long leaf, long size) {
        signed(size);
        if (leaf < 0 || leaf >= size) {
            throw InvalidInputException.of("leaf", "transparency.leaf-outside", leaf, size);
        }
        return new Inclusion(leaf, size, HEX.formatHex(subtrees.hash(leaf, leaf + 1)), hex(MerkleTree.inclusionProof(subtrees, leaf, size)));
    }

    /** The consistency proof between two signed checkpoints. */
    @ReadOnly
    public Consistency consistency(long from, long to) {
        signed(from);
        signed(to);
        if (from > to) {
            throw InvalidInputException.of("from", "transparency.from-after-to", from, to);
        }
        return new Consistency(from, to, hex(MerkleTree.consistencyProof(subtrees, from, to)));
    }

    /**
     * Where the inclusion proof of a certificate's issue leaf is, against the latest signed checkpoint; empty while no
     * checkpoint covers it yet (within a minute of issue) or for a certificate issued before the log began.
     */
    @ReadOnly
    public Optional<String> issueProof(String number) {
        Optional<Long> leaf = records.certificateIdOf(number).flatMap(id -> leaves.findByKindAndRecordId(LeafKind.CERTIFICATE_ISSUED, id))
                .map(LeafRow::leafIndex);
        long signed = checkpoints.findFirstOrderByTreeSizeDesc().map(CheckpointRow::treeSize).orElse(0L);
        return leaf.filter(index -> index < signed).map(index -> "/transparency/proof/inclusion?leaf=" + index + "&size=" + signed);
    }

    /**
     * Writes every leaf's content as it stands now, one JSON object a line ({@code index}, {@code kind}, {@code record},
     * {@code body}), for {@code audit-verify replay}: a record changed since its leaf was appended gives another leaf
     * hash, one removed gives no line at its index.
     */
    @ReadOnly
    public void export(Writer out) {
        try {
            long from = 0;
            List<LeafRow> batch;
            do {
                batch = leaves.from(from, EXPORT_BATCH);
                Map<LeafKind, List<Long>> byKind = new EnumMap<>(LeafKind.class);
                batch.forEach(row -> byKind.computeIfAbsent(row.kind(), kind -> new ArrayList<>()).add(row.recordId()));
                Map<LeafKind, Map<Long, JsonObject>> made = new EnumMap<>(LeafKind.class);
                byKind.forEach((kind, ids) -> made.put(kind, bodies.of(kind, ids)));
                for (LeafRow row : batch) {
                    JsonObject body = made.get(row.kind()).get(row.recordId());
                    if (body != null) {
                        out.write(Json.createObjectBuilder().add("index", row.leafIndex()).add("kind", row.kind().name())
                                .add("record", row.recordId()).add("body", body).build().toString());
                        out.write('\n');
                    }
                    from = row.leafIndex() + 1;
                }
            } while (batch.size() == EXPORT_BATCH);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row id of a certificate whose issue or revocation is being recorded, in the same transaction. */
    private long certificate(String number) {
        return records.certificateIdOf(number).orElseThrow(() -> new IllegalStateException("certificate " + number + " recorded but not readable"));
    }

    private void signed(long size) {
        if (checkpoints.findByTreeSize(size).isEmpty()) {
            throw new NotFoundException("transparency.no-checkpoint-of-size", size);
        }
    }

    private static List<String> hex(List<byte[]> proof) {
        return proof.stream().map(HEX::formatHex).toList();
    }

    private static Listed listed(CheckpointRow row) {
        return new Listed(row.treeSize(), row.rootHash(), row.signedAt(), row.note());
    }
}
