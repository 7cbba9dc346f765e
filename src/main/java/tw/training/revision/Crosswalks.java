package tw.training.revision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.catalogue.CatalogueService;
import tw.training.catalogue.FamilyMember;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.database.Sql;
import tw.training.phrase.Phrase;
import tw.training.problem.ConflictException;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Crosswalks between a version of a document and the one that superseded it: proposed by the service, edited and
 * confirmed by trainers and administrators. Only a confirmed crosswalk carries anything, and it never changes again.
 */
@Singleton
public class Crosswalks {

    private final CatalogueService catalogue;
    private final CrosswalkRepository crosswalks;
    private final LineRepository lines;
    private final CrosswalkLines rules;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    Crosswalks(CatalogueService catalogue, CrosswalkRepository crosswalks, LineRepository lines, CrosswalkLines rules,
               TransactionOperations<Connection> transactions, Clock clock) {
        this.catalogue = catalogue;
        this.crosswalks = crosswalks;
        this.lines = lines;
        this.rules = rules;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A crosswalk proposed, or the one already there between the two versions ({@code created} false). */
    public record Proposal(Crosswalk crosswalk, boolean created) {
    }

    /** One line as a reviewer sends it: what became of one old item ({@code relation} EQUIVALENT, PARTIAL or NONE). */
    @Serdeable
    public record LineInput(@Nullable String kind, @Nullable String from, @Nullable String to, @Nullable String relation,
                            @Nullable String note) {
    }

    /**
     * Proposes the crosswalk from {@code fromCode} to the version that superseded it, {@code toCode}; answers the one
     * already there if there is one (two proposals sent at once make one crosswalk).
     */
    public Proposal propose(@Nullable String fromCode, @Nullable String toCode, Actor actor) {
        CompetencyDocument older = document("from", fromCode);
        CompetencyDocument newer = document("to", toCode);
        String next = catalogue.versions(older.code()).stream().filter(v -> v.code().equals(older.code())).findFirst()
                .map(FamilyMember::supersededBy).orElse(null);
        if (!newer.code().equals(next)) {
            throw next == null ? InvalidInputException.of("to", "revision.crosswalk-from-current", older.code())
                    : InvalidInputException.of("to", "revision.crosswalk-to-next-only", older.code(), next);
        }
        long fromId = catalogue.idOf(older.code());
        long toId = catalogue.idOf(newer.code());
        Optional<CrosswalkRow> existing = transactions.executeRead(status -> crosswalks.findByFromStandardIdAndToStandardId(fromId, toId));
        if (existing.isPresent()) {
            return new Proposal(get(existing.get().id()), false);
        }
        try {
            long id = transactions.executeWrite(status -> create(fromId, toId, CrosswalkProposer.propose(older, newer).stream()
                    .map(p -> new Crosswalk.Line(p.kind(), p.from(), p.to(), p.relation(), p.similarity(), null)).toList(), actor));
            return new Proposal(get(id), true);
        } catch (RuntimeException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            // proposed by another request in the meantime: that one is the crosswalk
            return new Proposal(get(transactions.executeRead(status -> crosswalks.findByFromStandardIdAndToStandardId(fromId, toId))
                    .orElseThrow().id()), false);
        }
    }

    /** A proposed crosswalk with these lines; answers its id. */
    private long create(long fromId, long toId, List<Crosswalk.Line> proposed, Actor actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CrosswalkRow row = crosswalks.save(new CrosswalkRow(null, fromId, toId, CrosswalkStatus.PROPOSED, actor.userId(), now, null, null, null, null));
        lines.saveAll(rows(row.id(), proposed));
        return row.id();
    }

    /**
     * Lines read from elsewhere (a CASE package's associations, issue 35) checked as a reviewer's are, between an older
     * version in the catalogue and a newer one that may not be stored yet: refused whole, every fault named.
     */
    public List<Crosswalk.Line> check(CompetencyDocument older, CompetencyDocument newer, List<LineInput> input) {
        return rules.check(older, newer, input);
    }

    /**
     * A crosswalk read from elsewhere, its lines {@link #check checked}: filed as PROPOSED, for a reviewer here to
     * confirm, since only a confirmed crosswalk credits anyone. When there is one between the two versions already (the
     * same package imported again, or twice at once), it is left as it is and answered.
     */
    public Proposal imported(String fromCode, String toCode, List<Crosswalk.Line> checked, Actor actor) {
        long fromId = catalogue.idOf(fromCode);
        long toId = catalogue.idOf(toCode);
        try {
            return transactions.executeWrite(status -> {
                Optional<CrosswalkRow> existing = crosswalks.findByFromStandardIdAndToStandardId(fromId, toId);
                return existing.isPresent() ? new Proposal(get(existing.get().id()), false) : new Proposal(get(create(fromId, toId, checked, actor)), true);
            });
        } catch (RuntimeException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            return new Proposal(get(transactions.executeRead(status -> crosswalks.findByFromStandardIdAndToStandardId(fromId, toId))
                    .orElseThrow().id()), false);
        }
    }

    /** The confirmed crosswalk into {@code code} from the version it superseded, if there is one (for the CASE export). */
    @ReadOnly
    public Optional<Crosswalk> confirmedInto(String code) {
        return catalogue.versions(code).stream().filter(v -> code.equals(v.supersededBy())).findFirst()
                .flatMap(older -> confirmedBetween(older.code(), code));
    }

    /** The ids of the confirmed crosswalks, for those who cache what they derive from them. */
    @ReadOnly
    public List<Long> confirmedIds() {
        return crosswalks.confirmedIds();
    }

    @ReadOnly
    public Crosswalk get(long id) {
        Crosswalk.Header header = crosswalks.header(id).orElseThrow(() -> new NotFoundException("revision.no-crosswalk", id));
        return Crosswalk.of(header, lines.findByCrosswalkIdOrderBySortOrder(id).stream()
                .map(l -> new Crosswalk.Line(l.itemKind(), l.fromCode(), l.toCode(), l.relation(), l.similarity(), l.note())).toList());
    }

    /** The confirmed crosswalk from one version to the next, if there is one. */
    @ReadOnly
    public Optional<Crosswalk> confirmedBetween(String fromCode, String toCode) {
        return crosswalks.findByFromStandardIdAndToStandardId(catalogue.idOf(fromCode), catalogue.idOf(toCode))
                .filter(row -> row.status() == CrosswalkStatus.CONFIRMED).map(row -> get(row.id()));
    }

    @ReadOnly
    public List<Crosswalk.Header> list() {
        return crosswalks.headers();
    }

    /**
     * Replaces what the reviewer says of the old items (every one of them, EQUIVALENT, PARTIAL or NONE); the NEW lines
     * follow from it. Refused once the crosswalk is confirmed.
     */
    public Crosswalk edit(long id, @Nullable List<LineInput> input, Actor actor) {
        transactions.executeWrite(status -> {
            CrosswalkRow row = crosswalks.lock(id).orElseThrow(() -> new NotFoundException("revision.no-crosswalk", id));
            if (row.status() == CrosswalkStatus.CONFIRMED) {
                throw new ConflictException("revision.crosswalk-confirmed-unchangeable", id);
            }
            Crosswalk current = get(id);
            List<Crosswalk.Line> checked = rules.check(catalogue.get(current.from()), catalogue.get(current.to()), input);
            lines.deleteByCrosswalkId(id);
            lines.saveAll(rows(id, checked));
            crosswalks.update(new CrosswalkRow(row.id(), row.fromStandardId(), row.toStandardId(), row.status(), row.proposedBy(),
                    row.proposedAt(), actor.userId(), clock.instant().truncatedTo(ChronoUnit.MICROS), null, null));
            return null;
        });
        return get(id);
    }

    /** Confirms the crosswalk as it stands; confirming it again changes nothing. */
    public Crosswalk confirm(long id, Actor actor) {
        transactions.executeWrite(status -> {
            CrosswalkRow row = crosswalks.lock(id).orElseThrow(() -> new NotFoundException("revision.no-crosswalk", id));
            if (row.status() == CrosswalkStatus.PROPOSED) {
                crosswalks.update(new CrosswalkRow(row.id(), row.fromStandardId(), row.toStandardId(), CrosswalkStatus.CONFIRMED, row.proposedBy(),
                        row.proposedAt(), row.reviewedBy(), row.reviewedAt(), actor.userId(), clock.instant().truncatedTo(ChronoUnit.MICROS)));
            }
            return null;
        });
        return get(id);
    }

    private CompetencyDocument document(String field, @Nullable String code) {
        if (code == null || code.isBlank()) {
            throw InvalidInputException.of(field, "revision.code-required");
        }
        return catalogue.find(code.strip()).orElseThrow(() -> new InvalidInputException(Phrase.of("revision.crosswalk-refused"),
                List.of(InputError.field(field, "catalogue.no-document-with-code-catalogue", code.strip()))));
    }

    private static List<LineRow> rows(long crosswalkId, List<Crosswalk.Line> lines) {
        List<LineRow> rows = new ArrayList<>(lines.size());
        for (Crosswalk.Line line : lines) {
            rows.add(new LineRow(null, crosswalkId, rows.size(), line.kind(), line.from(), line.to(), line.relation(), line.similarity(),
                    line.note()));
        }
        return rows;
    }
}
