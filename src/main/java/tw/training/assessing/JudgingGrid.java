package tw.training.assessing;

import tw.training.phrase.Phrase;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.account.Actor;
import tw.training.course.AssessmentMethod;
import tw.training.course.CourseRef;
import tw.training.course.CourseService;
import tw.training.course.PlanEntry;
import tw.training.evidence.JudgementService;
import tw.training.evidence.Outcome;
import tw.training.evidence.Views;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The assessors' judging grid: a course's learners by the indicators of one task or one method. Reading a page is
 * three queries whatever its size; saving judges the chosen cells through the same all-or-nothing batch as
 * {@code POST /api/courses/{id}/judgements}, after checking that none changed since the page was read.
 */
@Singleton
public class JudgingGrid {

    /** Learners a page shows. */
    static final int PAGE = 50;
    /** Cells one save may judge: as many as the batch takes judgements, and well inside a database's parameter limit. */
    static final int MAX_CELLS = 5_000;

    private final CourseService courses;
    private final JudgementService judgements;
    private final GridCells cells;

    JudgingGrid(CourseService courses, JudgementService judgements, GridCells cells) {
        this.courses = courses;
        this.judgements = judgements;
        this.cells = cells;
    }

    /** Which part of the grid: a task (or, with only a method, every indicator that method assesses), a learner search, a page. */
    public record Filter(@Nullable String task, @Nullable String method, String learner, int page) {

        public Filter {
            task = task == null || task.isBlank() ? null : task.strip();
            method = method == null || method.isBlank() ? null : method.strip().toUpperCase();
            learner = learner == null ? "" : learner.strip();
            page = Math.max(1, page);
        }

        @Nullable
        AssessmentMethod assessment() {
            return method == null ? null : AssessmentMethod.of(method)
                    .orElseThrow(() -> InvalidInputException.of("method", "assessing.method-must-one", List.of(AssessmentMethod.values())));
        }
    }

    /** A cell the assessor decided: its key, MET or NOT_YET, and the token the page showed for it. */
    public record Choice(String key, Outcome outcome, String token) {
    }

    /**
     * What a save did: {@code recorded} judgements, or none because the {@code changed} cells were judged or had their
     * evidence changed since their tokens were read.
     */
    public record Saved(int recorded, Set<String> changed) {
    }

    @ReadOnly
    public GridView page(long courseId, Filter filter, Actor actor) {
        CourseRef course = courses.requireTrainer(courseId, actor);
        AssessmentMethod method = filter.assessment();
        List<PlanEntry> plan = course.publishedRevisionId() == null ? List.of() : courses.planOf(course.publishedRevisionId());
        Map<String, GridView.Task> tasks = new LinkedHashMap<>();
        plan.forEach(entry -> tasks.putIfAbsent(entry.taskId(), new GridView.Task(entry.taskId(), entry.taskTitle())));
        String task = filter.task();
        if (task == null && method == null && !tasks.isEmpty()) {
            task = tasks.keySet().iterator().next();
        }
        if (task != null && !tasks.containsKey(task)) {
            throw InvalidInputException.of("task", "assessing.published-plan-course-has-no", courseId, task);
        }
        String chosenTask = task;
        List<GridView.Column> columns = plan.stream()
                .filter(entry -> chosenTask == null || entry.taskId().equals(chosenTask))
                .filter(entry -> method == null || entry.methods().contains(method))
                .map(entry -> new GridView.Column(entry.indicatorId(), entry.id(), entry.id().substring(entry.id().indexOf(':') + 1), entry.text()))
                .toList();
        int learners = cells.count(courseId, filter.learner());
        int pages = Math.max(1, (learners + PAGE - 1) / PAGE);
        int page = Math.min(filter.page(), pages);
        List<GridCells.Learner> shown = cells.learners(courseId, filter.learner(), (page - 1) * PAGE, PAGE);
        List<Long> enrollmentIds = shown.stream().map(GridCells.Learner::enrollmentId).toList();
        Map<String, GridCells.State> states = cells.states(enrollmentIds, columns.stream().map(GridView.Column::indicatorId).toList(), method);
        Map<Long, Set<Long>> met = cells.met(enrollmentIds);
        List<GridView.Row> rows = shown.stream().map(learner -> new GridView.Row(learner.enrollmentId(), learner.username(), learner.displayName(),
                columns.stream().map(column -> cell(learner.enrollmentId(), column.indicatorId(), states, met)).toList())).toList();
        return new GridView(course, List.copyOf(tasks.values()), chosenTask, method == null ? null : method.name(), filter.learner(),
                columns, rows, page, pages, learners);
    }

    private static GridView.Cell cell(long enrollmentId, long indicatorId, Map<String, GridCells.State> states, Map<Long, Set<Long>> met) {
        String key = GridView.key(enrollmentId, indicatorId);
        GridCells.State state = states.get(key);
        boolean isMet = met.getOrDefault(enrollmentId, Set.of()).contains(indicatorId);
        return state == null ? new GridView.Cell(key, 0, 0, null, isMet, "", List.of())
                : new GridView.Cell(key, state.evidence(), state.awaiting().size(), state.latest(), isMet, state.token(), judged(state));
    }

    /** The pieces a choice in the cell judges: those awaiting a first judgement on its indicator, else the one last judged. */
    private static List<Long> judged(GridCells.State state) {
        return state.awaiting().isEmpty() ? List.of(state.lastJudged()) : state.awaiting();
    }

    /**
     * Judges the chosen cells, all or none: each cell's pieces awaiting a first judgement on its indicator (or, when
     * none await, the piece of its latest judgement, for a change of mind), with the one comment. The cells' learners
     * are locked first, so that of two assessors saving the same cells the second finds them changed.
     *
     * A chosen cell that changed since its token was read is a conflict: nothing is recorded, the changed cells are named.
     */
    @Transactional
    public Saved save(long courseId, @Nullable String method, List<Choice> choices, @Nullable String comment, Actor actor) {
        courses.requireTrainer(courseId, actor);
        AssessmentMethod assessment = new Filter(null, method, "", 1).assessment();
        if (choices.isEmpty()) {
            throw InvalidInputException.of("outcome", "assessing.choose-met-not-yet-least-2");
        }
        if (choices.size() > MAX_CELLS) {
            throw InvalidInputException.of("outcome", "assessing.most-cells-once", MAX_CELLS);
        }
        Map<Choice, long[]> cellIds = new LinkedHashMap<>();
        List<InputError> errors = new ArrayList<>();
        for (Choice choice : choices) {
            long[] ids = ids(choice.key());
            if (ids == null) {
                errors.add(InputError.field("outcome:" + choice.key(), "assessing.not-cell-this-grid"));
            } else {
                cellIds.put(choice, ids);
            }
        }
        Set<Long> enrollmentIds = new LinkedHashSet<>();
        Set<Long> indicatorIds = new LinkedHashSet<>();
        cellIds.values().forEach(ids -> {
            enrollmentIds.add(ids[0]);
            indicatorIds.add(ids[1]);
        });
        Set<Long> inCourse = enrollmentIds.isEmpty() ? Set.of() : cells.lock(courseId, enrollmentIds);
        Map<String, GridCells.State> states = cells.states(inCourse, indicatorIds, assessment);
        Set<String> changed = new LinkedHashSet<>();
        List<Views.BatchJudgement> batch = new ArrayList<>();
        cellIds.forEach((choice, ids) -> {
            GridCells.State state = states.get(choice.key());
            if (!inCourse.contains(ids[0])) {
                errors.add(InputError.field("outcome:" + choice.key(), "assessing.no-learner-course", ids[0], courseId));
            } else if (state == null ? !choice.token().isEmpty() : !state.token().equals(choice.token())) {
                changed.add(choice.key());
            } else if (state == null) {
                errors.add(InputError.field("outcome:" + choice.key(), "assessing.no-evidence-claims-this-indicator"));
            } else {
                judged(state).forEach(evidence -> batch.add(new Views.BatchJudgement(evidence, state.indicator(), choice.outcome().name(), comment)));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("assessing.no-judgement-was-recorded-cells", errors.size(), choices.size()), errors);
        }
        if (!changed.isEmpty()) {
            return new Saved(0, changed);
        }
        return new Saved(judgements.judgeAll(courseId, batch, actor), Set.of());
    }

    /** A cell key's enrollment and indicator ids, or null when it is not one. */
    @Nullable
    private static long[] ids(String key) {
        int colon = key.indexOf(':');
        try {
            return colon < 0 ? null : new long[] {Long.parseLong(key.substring(0, colon)), Long.parseLong(key.substring(colon + 1))};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
