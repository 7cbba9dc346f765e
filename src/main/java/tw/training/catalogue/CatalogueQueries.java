package tw.training.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import tw.training.catalogue.document.Assessment;
import tw.training.catalogue.document.Attitude;
import tw.training.catalogue.document.Classification;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.Definition;
import tw.training.catalogue.document.DocumentKind;
import tw.training.catalogue.document.Indicator;
import tw.training.catalogue.document.Note;
import tw.training.catalogue.document.Responsibility;
import tw.training.catalogue.document.Task;
import tw.training.catalogue.document.Version;
import tw.training.catalogue.document.WorkOutput;
import tw.training.database.Sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads documents back in the shape they were imported in, and lists and searches the catalogue. */
@Singleton
class CatalogueQueries {

    private final CatalogueRows rows;

    CatalogueQueries(CatalogueRows rows) {
        this.rows = rows;
    }

    /**
     * @param query matched case-insensitively, as a substring, against code, name, title, task titles and
     *              indicator texts (Chinese text matches as it is)
     */
    @ReadOnly
    List<StandardSummary> list(@Nullable DocumentKind kind, @Nullable String query) {
        return rows.standards().list(kind == null ? null : kind.name(), Sql.containing(query));
    }

    @ReadOnly
    Optional<TaskReference> locateTask(String typedStandardCode, String typedTaskCode) {
        String standardCode = canonical(typedStandardCode);
        return rows.tasks().find(standardCode, typedTaskCode).map(task -> new TaskReference(task.id(), standardCode, task.code(), task.title(),
                task.competencyLevel(), rows.indicators().ofTask(task.id()).stream()
                        .map(i -> new TaskReference.IndicatorReference(i.id(), i.code(), i.content())).toList()));
    }

    @ReadOnly
    Optional<Long> idOf(String code) {
        return rows.standards().idOf(code);
    }

    @ReadOnly
    List<FamilyMember> family(String code) {
        return rows.standards().family(code);
    }

    @ReadOnly
    Optional<CompetencyDocument> find(String code) {
        return rows.standards().findByCode(canonical(code)).map(this::document);
    }

    /** A document's code as the catalogue has it, for a code typed without regard to case (as typed when none matches). */
    private String canonical(String typed) {
        List<String> codes = rows.standards().codesLike(typed);
        return codes.isEmpty() ? typed : codes.get(0);
    }

    private CompetencyDocument document(StandardRows.Row s) {
        long id = s.id();
        Map<String, List<String>> footnotes = rows.footnotes().of(id).stream()
                .collect(Collectors.groupingBy(FootnoteRows.Row::itemCode, Collectors.mapping(FootnoteRows.Row::label, Collectors.toList())));
        List<CompetenceRows.Row> competences = rows.competences().of(id);
        return new CompetencyDocument(s.code(), s.kind(), s.name(), s.title(), s.competencyLevel(), s.field(), s.description(),
                classification(s.jobCategoryCode(), s.jobCategoryName()), classification(s.occupationCode(), s.occupationName()),
                classification(s.industryCode(), s.industryName()),
                rows.versions().of(id).stream().map(v -> new Version(v.versionLabel(), v.code(), v.name(), v.current(), v.issuedOn(), v.note())).toList(),
                rows.responsibilities().of(id).stream().map(r -> new Responsibility(r.code(), r.title(), notes(footnotes, r.code()))).toList(),
                tasks(id, footnotes), definitions(competences, "K", footnotes), definitions(competences, "S", footnotes),
                competences.stream().filter(c -> c.category().equals("A")).sorted(Comparator.comparingInt(c -> number(c.code())))
                        .map(c -> new Attitude(c.code(), c.name(), c.content())).toList(),
                rows.notes().of(id).stream().map(n -> new Note(n.label(), n.content())).toList(), assessment(id));
    }

    private List<Task> tasks(long id, Map<String, List<String>> footnotes) {
        Map<Long, List<WorkOutput>> outputs = rows.outputs().of(id).stream().collect(Collectors.groupingBy(WorkOutputRows.Row::taskId,
                Collectors.mapping(o -> new WorkOutput(o.code(), o.title(), notes(footnotes, o.code())), Collectors.toList())));
        Map<Long, List<Indicator>> indicators = rows.indicators().of(id).stream().collect(Collectors.groupingBy(IndicatorRows.Row::taskId,
                Collectors.mapping(p -> new Indicator(p.code(), p.content(), notes(footnotes, p.code())), Collectors.toList())));
        Map<Long, List<String>> competences = rows.taskCompetences().of(id).stream().collect(Collectors.groupingBy(TaskCompetenceRows.Row::taskId,
                Collectors.mapping(TaskCompetenceRows.Row::code, Collectors.toList())));
        List<Task> tasks = new ArrayList<>();
        for (TaskRows.Row t : rows.tasks().of(id)) {
            List<String> codes = competences.getOrDefault(t.id(), List.of());
            tasks.add(new Task(t.code(), t.title(), t.competencyLevel(), t.responsibilityCode(), outputs.getOrDefault(t.id(), List.of()),
                    indicators.getOrDefault(t.id(), List.of()), category(codes, 'K'), category(codes, 'S'), category(codes, 'A'),
                    notes(footnotes, t.code())));
        }
        return tasks;
    }

    private Assessment assessment(long id) {
        Map<String, List<String>> sections = rows.guidance().of(id).stream().collect(Collectors.groupingBy(GuidanceRows.Row::section,
                Collectors.mapping(GuidanceRows.Row::content, Collectors.toList())));
        return new Assessment(sections.getOrDefault(CatalogueRows.EVIDENCE_ASPECT, List.of()), sections.getOrDefault(CatalogueRows.CONTEXT, List.of()),
                sections.getOrDefault(CatalogueRows.METHOD, List.of()));
    }

    /** Knowledge or skills, by the number in their code (K2 before K10). */
    private static List<Definition> definitions(List<CompetenceRows.Row> competences, String category, Map<String, List<String>> footnotes) {
        return competences.stream().filter(c -> c.category().equals(category)).sorted(Comparator.comparingInt(c -> number(c.code())))
                .map(c -> new Definition(c.code(), c.content(), notes(footnotes, c.code()))).toList();
    }

    /** A task lists K, S and A codes in one table; the code's letter tells which list it belongs to. */
    private static List<String> category(List<String> codes, char letter) {
        return codes.stream().filter(code -> code.charAt(0) == letter).toList();
    }

    private static List<String> notes(Map<String, List<String>> footnotes, String code) {
        return footnotes.getOrDefault(code, List.of());
    }

    private static int number(String code) {
        return Integer.parseInt(code.replaceAll("\\D", ""));
    }

    @Nullable
    private static Classification classification(@Nullable String code, @Nullable String name) {
        return code == null && name == null ? null : new Classification(code, name);
    }
}
