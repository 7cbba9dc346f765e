package tw.training.catalogue;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.catalogue.document.Classification;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.Task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Writes a document into the catalogue tables through their repositories, in the caller's transaction, so a failure
 * leaves no row: the header, then each task (its id is what its outputs, indicators and K/S/A codes hang on), then
 * every other kind of row in one batch each.
 */
@Singleton
class CatalogueStore {

    private final CatalogueRows rows;

    CatalogueStore(CatalogueRows rows) {
        this.rows = rows;
    }

    @ReadOnly
    Optional<String> findSourceSha256(String code) {
        return rows.standards().sourceSha256(code);
    }

    /** Whether this exact text is in the catalogue already, under any code. */
    @ReadOnly
    boolean holdsText(String sha256) {
        return !rows.standards().holding(sha256).isEmpty();
    }

    @Transactional
    void insert(CompetencyDocument d, String sourceText, String sha256, Instant importedAt) {
        long id = rows.standards().save(new StandardRows.Row(null, d.code(), d.kind(), d.name(), d.title(), d.level(), d.field(), d.description(),
                code(d.jobCategory()), name(d.jobCategory()), code(d.occupation()), name(d.occupation()), code(d.industry()), name(d.industry()),
                sha256, sourceText, importedAt)).id();
        insert(rows.versions()::insertAll, indexed(d.versions(), (v, i) -> new VersionRows.Row(id, i, v.version(), v.code(), v.name(), v.current(),
                v.date(), v.note())));
        insert(rows.responsibilities()::insertAll, indexed(d.responsibilities(), (r, i) -> new ResponsibilityRows.Row(id, r.code(), r.title(), i)));
        List<WorkOutputRows.Row> outputs = new ArrayList<>();
        List<IndicatorRows.Row> indicators = new ArrayList<>();
        List<TaskCompetenceRows.Row> competences = new ArrayList<>();
        for (int t = 0; t < d.tasks().size(); t++) {
            Task task = d.tasks().get(t);
            long taskId = rows.tasks().save(new TaskRows.Row(null, id, task.code(), task.title(), task.level(), task.responsibilityCode(), t)).id();
            outputs.addAll(indexed(task.outputs(), (o, i) -> new WorkOutputRows.Row(taskId, o.code(), o.title(), i)));
            indicators.addAll(indexed(task.indicators(), (p, i) -> new IndicatorRows.Row(null, id, taskId, p.code(), p.text(), i)));
            List<String> codes = new ArrayList<>(task.knowledge());
            codes.addAll(task.skills());
            codes.addAll(task.attitudes());
            competences.addAll(indexed(codes, (code, i) -> new TaskCompetenceRows.Row(taskId, code, i)));
        }
        insert(rows.outputs()::insertAll, outputs);
        insert(rows.indicators()::insertAll, indicators);
        insert(rows.taskCompetences()::insertAll, competences);
        List<CompetenceRows.Row> definitions = new ArrayList<>();
        d.knowledge().forEach(k -> definitions.add(new CompetenceRows.Row(id, k.code(), "K", null, k.text())));
        d.skills().forEach(s -> definitions.add(new CompetenceRows.Row(id, s.code(), "S", null, s.text())));
        d.attitudes().forEach(a -> definitions.add(new CompetenceRows.Row(id, a.code(), "A", a.name(), a.description())));
        insert(rows.competences()::insertAll, definitions);
        insert(rows.footnotes()::insertAll, footnotes(id, d));
        insert(rows.notes()::insertAll, indexed(d.notes(), (n, i) -> new NoteRows.Row(id, i, n.label(), n.text())));
        List<GuidanceRows.Row> guidance = new ArrayList<>();
        guidance.addAll(indexed(d.assessment().evidenceAspects(), (text, i) -> new GuidanceRows.Row(id, CatalogueRows.EVIDENCE_ASPECT, i, text)));
        guidance.addAll(indexed(d.assessment().contexts(), (text, i) -> new GuidanceRows.Row(id, CatalogueRows.CONTEXT, i, text)));
        guidance.addAll(indexed(d.assessment().methods(), (text, i) -> new GuidanceRows.Row(id, CatalogueRows.METHOD, i, text)));
        insert(rows.guidance()::insertAll, guidance);
    }

    /** Every item's footnote labels, in the order the item lists them. */
    private static List<FootnoteRows.Row> footnotes(long id, CompetencyDocument d) {
        List<FootnoteRows.Row> footnotes = new ArrayList<>();
        d.responsibilities().forEach(r -> footnotes.addAll(indexed(r.footnotes(), (label, i) -> new FootnoteRows.Row(id, r.code(), label, i))));
        for (Task task : d.tasks()) {
            footnotes.addAll(indexed(task.footnotes(), (label, i) -> new FootnoteRows.Row(id, task.code(), label, i)));
            task.outputs().forEach(o -> footnotes.addAll(indexed(o.footnotes(), (label, i) -> new FootnoteRows.Row(id, o.code(), label, i))));
            task.indicators().forEach(p -> footnotes.addAll(indexed(p.footnotes(), (label, i) -> new FootnoteRows.Row(id, p.code(), label, i))));
        }
        d.knowledge().forEach(k -> footnotes.addAll(indexed(k.footnotes(), (label, i) -> new FootnoteRows.Row(id, k.code(), label, i))));
        d.skills().forEach(s -> footnotes.addAll(indexed(s.footnotes(), (label, i) -> new FootnoteRows.Row(id, s.code(), label, i))));
        return footnotes;
    }

    /** A row per item, told its position. */
    private interface Positioned<T, R> {
        R row(T item, int position);
    }

    private static <T, R> List<R> indexed(List<T> items, Positioned<T, R> row) {
        return IntStream.range(0, items.size()).mapToObj(i -> row.row(items.get(i), i)).toList();
    }

    /** A batch, unless there is nothing to insert (a repository is not asked to insert none). */
    private static <R> void insert(Consumer<List<R>> batch, List<R> rows) {
        if (!rows.isEmpty()) {
            batch.accept(rows);
        }
    }

    private static String code(Classification classification) {
        return classification == null ? null : classification.code();
    }

    private static String name(Classification classification) {
        return classification == null ? null : classification.name();
    }
}
