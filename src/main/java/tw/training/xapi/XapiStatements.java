package tw.training.xapi;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.transparency.TransparencyLog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Statements in their order, as administrators read them and the sender sends them: positions from {@link XapiStream},
 * then the records of a whole page read in one query per kind, each told by {@link Statements}. Before reading, what the
 * recording transactions queued for the log is sequenced, so a statement can be read as soon as its record committed.
 */
@Singleton
class XapiStatements {

    private final XapiStream stream;
    private final XapiCursorRepository cursor;
    private final Statements statements;
    private final TransparencyLog log;

    XapiStatements(XapiStream stream, XapiCursorRepository cursor, Statements statements, TransparencyLog log) {
        this.stream = stream;
        this.cursor = cursor;
        this.statements = statements;
        this.log = log;
    }

    /** A statement at its position; {@code rowSeq} when it is a row of {@code xapi_statement}. */
    record Told(long position, String statement, @Nullable Long rowSeq) {
    }

    /** Gives the leaves recorded until now their places in the log (and so the statements theirs). */
    void sequence() {
        log.integrateAll();
    }

    /** Up to {@code limit} statements after {@code after} matching each filter given, in order. */
    List<Told> after(long after, @Nullable Instant since, @Nullable Instant until, @Nullable String learner, @Nullable String verb, int limit) {
        List<XapiStream.Told> page = stream.after(after, cursor.read().firstLeaf(), since, until, learner, verb, limit);
        Map<String, List<Long>> ids = page.stream().collect(Collectors.groupingBy(XapiStream.Told::kind,
                Collectors.mapping(XapiStream.Told::recordId, Collectors.toList())));
        Map<Long, String> rows = read(ids, "ROW", stream::rows, XapiStatement::statementSeq, XapiStatement::statement);
        Map<Long, String> judgements = read(ids, "JUDGEMENT", stream::judgements, XapiStream.JudgementTold::judgementId, statements::judgement);
        Map<Long, String> certificates = read(ids, "CERTIFICATE", stream::certificates, XapiStream.CertificateTold::certificateId,
                statements::certificate);
        Map<Long, String> evidence = new HashMap<>();
        if (ids.containsKey("EVIDENCE")) {
            Map<Long, List<String>> claimed = stream.claims(ids.get("EVIDENCE")).stream().collect(Collectors.groupingBy(
                    XapiStream.Claim::evidenceId, Collectors.mapping(XapiStream.Claim::indicator, Collectors.toList())));
            stream.evidence(ids.get("EVIDENCE")).forEach(told -> evidence.put(told.evidenceId(),
                    statements.evidence(told, claimed.getOrDefault(told.evidenceId(), List.of()))));
        }
        List<Told> told = new ArrayList<>(page.size());
        for (XapiStream.Told at : page) {
            String statement = switch (at.kind()) {
                case "ROW" -> rows.get(at.recordId());
                case "JUDGEMENT" -> judgements.get(at.recordId());
                case "EVIDENCE" -> evidence.get(at.recordId());
                case "CERTIFICATE" -> certificates.get(at.recordId());
                default -> throw new IllegalStateException("no statement of " + at.kind());
            };
            told.add(new Told(at.position(), statement, at.kind().equals("ROW") ? at.recordId() : null));
        }
        return told;
    }

    /** How many statements stand after the sender's cursor, and the time of the earliest. */
    XapiStream.Waiting waiting() {
        return stream.waiting(cursor.read());
    }

    private static <T> Map<Long, String> read(Map<String, List<Long>> ids, String kind, Function<List<Long>, List<T>> query,
                                              Function<T, Long> id, Function<T, String> tell) {
        Map<Long, String> told = new HashMap<>();
        if (ids.containsKey(kind)) {
            query.apply(ids.get(kind)).forEach(record -> told.put(id.apply(record), tell.apply(record)));
        }
        return told;
    }
}
