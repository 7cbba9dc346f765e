package tw.training.course.dossier;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.catalogue.CatalogueService;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.Version;
import tw.training.course.AssessmentMethod;
import tw.training.course.CourseService;
import tw.training.course.CourseView;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds a course revision's coverage and dossier from the course's plan and the catalogue's documents. */
@Singleton
public class DossierService {

    private final CourseService courses;
    private final CatalogueService catalogue;
    private final Clock clock;

    DossierService(CourseService courses, CatalogueService catalogue, Clock clock) {
        this.courses = courses;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** @param revision the revision number, or null for the latest */
    public Dossier dossier(long courseId, @Nullable Integer revision, Actor actor) {
        CourseView course = view(courseId, revision, actor);
        Map<String, CompetencyDocument> documents = documents(course);
        Map<String, List<AssessmentMethod>> methods = course.plan().stream()
                .collect(Collectors.toMap(CourseView.PlannedIndicator::id, CourseView.PlannedIndicator::requiredMethods));
        Map<String, Dossier.Task> tasks = new LinkedHashMap<>();
        for (CourseView.Alignment alignment : course.alignments()) {
            tasks.put(alignment.taskId(), task(alignment, documents.get(alignment.standardCode()), methods));
        }
        List<Dossier.Module> modules = new ArrayList<>();
        Set<String> assigned = new HashSet<>();
        for (CourseView.Module module : course.modules()) {
            List<Dossier.Task> covered = module.tasks().stream().filter(tasks::containsKey).map(tasks::get).toList();
            module.tasks().forEach(assigned::add);
            // numbered as they stand now: a deleted module leaves no gap (positions are only an order)
            modules.add(new Dossier.Module(modules.size() + 1, module.title(), module.hours(), module.description(), covered));
        }
        List<Dossier.Task> unassigned = tasks.values().stream().filter(task -> !assigned.contains(task.id())).toList();
        return new Dossier(new Dossier.Course(course.id(), course.code(), course.title(), course.description(), course.hours(),
                course.status(), course.revision().number(), course.revision().status().name(), course.revision().publishedAt(),
                course.owner(), course.trainers()), documents.values().stream().map(DossierService::source).toList(),
                modules, unassigned, clock.instant());
    }

    public Coverage coverage(long courseId, @Nullable Integer revision, Actor actor) {
        CourseView course = view(courseId, revision, actor);
        Map<String, CompetencyDocument> documents = documents(course);
        List<Coverage.DocumentCoverage> covered = new ArrayList<>();
        for (CompetencyDocument document : documents.values()) {
            List<tw.training.catalogue.document.Task> aligned = document.tasks().stream()
                    .filter(task -> course.alignments().stream().anyMatch(a -> a.taskId().equals(document.code() + ":" + task.code())))
                    .toList();
            Set<String> planned = course.plan().stream().filter(p -> p.standardCode().equals(document.code()))
                    .map(CourseView.PlannedIndicator::code).collect(Collectors.toSet());
            covered.add(new Coverage.DocumentCoverage(document.code(), document.name(), document.kind(),
                    part(document.tasks().stream().map(tw.training.catalogue.document.Task::code).toList(),
                            aligned.stream().map(tw.training.catalogue.document.Task::code).collect(Collectors.toSet()), false),
                    part(document.tasks().stream().flatMap(task -> task.indicators().stream()).map(i -> i.code()).toList(), planned, false),
                    competence(document.knowledge().stream().map(k -> k.code()).toList(), document.tasks(), aligned,
                            tw.training.catalogue.document.Task::knowledge),
                    competence(document.skills().stream().map(s -> s.code()).toList(), document.tasks(), aligned,
                            tw.training.catalogue.document.Task::skills),
                    competence(document.attitudes().stream().map(a -> a.code()).toList(), document.tasks(), aligned,
                            tw.training.catalogue.document.Task::attitudes)));
        }
        Map<AssessmentMethod, List<String>> byMethod = new LinkedHashMap<>();
        for (AssessmentMethod method : AssessmentMethod.values()) {
            List<String> indicators = course.plan().stream().filter(p -> p.requiredMethods().contains(method))
                    .map(CourseView.PlannedIndicator::id).toList();
            if (!indicators.isEmpty()) {
                byMethod.put(method, indicators);
            }
        }
        List<String> withoutMethod = course.plan().stream().filter(p -> p.requiredMethods().isEmpty())
                .map(CourseView.PlannedIndicator::id).toList();
        return new Coverage(course.id(), course.revision().number(), covered, byMethod, withoutMethod);
    }

    private CourseView view(long courseId, @Nullable Integer revision, Actor actor) {
        return revision == null ? courses.get(courseId, actor) : courses.revision(courseId, revision, actor);
    }

    private Map<String, CompetencyDocument> documents(CourseView course) {
        Map<String, CompetencyDocument> documents = new LinkedHashMap<>();
        course.alignments().forEach(a -> documents.computeIfAbsent(a.standardCode(), catalogue::get));
        return documents;
    }

    private static Dossier.Task task(CourseView.Alignment alignment, CompetencyDocument document,
                                     Map<String, List<AssessmentMethod>> methods) {
        tw.training.catalogue.document.Task task = document.tasks().stream().filter(t -> t.code().equals(alignment.taskCode()))
                .findFirst().orElseThrow();
        List<Dossier.Indicator> indicators = task.indicators().stream()
                .filter(indicator -> alignment.indicatorCodes().contains(indicator.code()))
                .map(indicator -> new Dossier.Indicator(document.code() + ":" + indicator.code(), indicator.code(), indicator.text(),
                        methods.getOrDefault(document.code() + ":" + indicator.code(), List.of()).stream()
                                .map(m -> new Dossier.Method(m.name(), m.chinese())).toList()))
                .toList();
        return new Dossier.Task(alignment.taskId(), document.code(), task.code(), task.title(), task.level(),
                task.outputs().stream().map(o -> new Dossier.Item(o.code(), o.title())).toList(), indicators,
                items(document, task, tw.training.catalogue.document.Task::knowledge,
                        document.knowledge().stream().collect(Collectors.toMap(k -> k.code(), k -> k.text(), (a, b) -> a, LinkedHashMap::new))),
                items(document, task, tw.training.catalogue.document.Task::skills,
                        document.skills().stream().collect(Collectors.toMap(k -> k.code(), k -> k.text(), (a, b) -> a, LinkedHashMap::new))),
                items(document, task, tw.training.catalogue.document.Task::attitudes,
                        document.attitudes().stream().collect(Collectors.toMap(a -> a.code(), a -> a.name(), (a, b) -> a, LinkedHashMap::new))));
    }

    /** A task's K, S or A; all of the document's when the document lists them for itself rather than per task. */
    private static List<Dossier.Item> items(CompetencyDocument document, tw.training.catalogue.document.Task task,
                                            Function<tw.training.catalogue.document.Task, List<String>> codes,
                                            Map<String, String> texts) {
        boolean documentWide = document.tasks().stream().allMatch(t -> codes.apply(t).isEmpty());
        return items(documentWide ? List.copyOf(texts.keySet()) : codes.apply(task), texts);
    }

    private static List<Dossier.Item> items(List<String> codes, Map<String, String> texts) {
        return codes.stream().map(code -> new Dossier.Item(code, texts.getOrDefault(code, ""))).toList();
    }

    /** K, S or A covered through aligned tasks; listed for the document as a whole when no task lists them. */
    private static Coverage.Part competence(List<String> all, List<tw.training.catalogue.document.Task> tasks,
                                            List<tw.training.catalogue.document.Task> aligned,
                                            Function<tw.training.catalogue.document.Task, List<String>> codes) {
        boolean documentWide = tasks.stream().allMatch(task -> codes.apply(task).isEmpty());
        Set<String> covered = documentWide
                ? (aligned.isEmpty() ? Set.of() : new LinkedHashSet<>(all))
                : aligned.stream().flatMap(task -> codes.apply(task).stream()).collect(Collectors.toCollection(LinkedHashSet::new));
        return part(all, covered, documentWide);
    }

    private static Coverage.Part part(List<String> all, Set<String> covered, boolean documentWide) {
        return new Coverage.Part(all.stream().filter(covered::contains).toList(),
                all.stream().filter(code -> !covered.contains(code)).toList(), documentWide);
    }

    private static Dossier.SourceDocument source(CompetencyDocument document) {
        Version current = document.versions().stream().filter(Version::current).findFirst().orElse(null);
        return new Dossier.SourceDocument(document.code(), document.name(), document.kind(), document.level(),
                current == null ? null : current.version(), current == null ? null : current.date());
    }
}
