package tw.training.catalogue;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.catalogue.document.Classification;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.Task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        return rows.standards().existsBySourceSha256(sha256);
    }

    @Transactional
    void insert(CompetencyDocument d, String sourceText, String sha256, Instant importedAt) {
        DocumentFamily family = DocumentFamily.of(d.code());
        long id = rows.standards().save(new StandardRows.Row(null, d.code(), d.kind(), d.name(), d.title(), d.level(), d.field(), d.description(),
                code(d.jobCategory()), name(d.jobCategory()), code(d.occupation()), name(d.occupation()), code(d.industry()), name(d.industry()),
                sha256, sourceText, importedAt, family.stem(), family.version())).id();
        insert(rows.versions()::insertAll, indexed(d.versions(), (v, i) -> new VersionRows.Row(id, i, v.version(), v.code(), v.name(), v.current(),
                v.date(), v.note())));
        insert(rows.responsibilities()::insertAll, indexed(d.responsibilities(), (r, i) -> new ResponsibilityRows.Row(id, r.code(), r.title(), i)));
        insertTasks(id, d.tasks());
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

    /** Each task for its id, then its outputs, indicators and K/S/A codes, each kind in one batch. */
    private void insertTasks(long id, List<Task> tasks) {
        List<WorkOutputRows.Row> outputs = new ArrayList<>();
        List<IndicatorRows.Row> indicators = new ArrayList<>();
        List<TaskCompetenceRows.Row> competences = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            Task task = tasks.get(t);
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
    }

    /** Every item's footnote labels, in the order the item lists them (an item is known by its code). */
    private static List<FootnoteRows.Row> footnotes(long id, CompetencyDocument d) {
        Map<String, List<String>> byItem = new LinkedHashMap<>();
        d.responsibilities().forEach(r -> byItem.put(r.code(), r.footnotes()));
        for (Task task : d.tasks()) {
            byItem.put(task.code(), task.footnotes());
            task.outputs().forEach(o -> byItem.put(o.code(), o.footnotes()));
            task.indicators().forEach(p -> byItem.put(p.code(), p.footnotes()));
        }
        d.knowledge().forEach(k -> byItem.put(k.code(), k.footnotes()));
        d.skills().forEach(s -> byItem.put(s.code(), s.footnotes()));
        List<FootnoteRows.Row> footnotes = new ArrayList<>();
        byItem.forEach((code, labels) -> footnotes.addAll(indexed(labels, (label, i) -> new FootnoteRows.Row(id, code, label, i))));
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
