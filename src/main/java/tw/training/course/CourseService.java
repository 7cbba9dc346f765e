package tw.training.course;

import tw.training.phrase.Phrase;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.catalogue.CatalogueService;
import tw.training.catalogue.TaskReference;
import tw.training.database.Sql;
import tw.training.problem.ConflictException;
import tw.training.problem.ForbiddenException;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What trainers do with courses: create them, align them to catalogue tasks, adjust the methods of each
 * indicator, arrange modules, name co-trainers, publish and archive. Every change of a published plan goes
 * into a new draft revision; every refused change leaves nothing behind (one transaction per use case).
 */
@Singleton
public class CourseService {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final BigDecimal MAX_HOURS = new BigDecimal("10000");
    private static final int MAX_TITLE = 300;
    private static final int MAX_PIECES = 20;
    private static final int MAX_CURRENCY_MONTHS = 600;

    private final CourseRepository courses;
    private final RevisionRepository revisions;
    private final PlanRepository plans;
    private final ModuleRepository modules;
    private final CatalogueService catalogue;
    private final PlanCheck planCheck;
    private final Clock clock;
    private final ApplicationEventPublisher<ModulesCopied> copied;
    private final ApplicationEventPublisher<DraftDiscarded> discarding;
    /** {@link #publishedTaskLevels}, by revision id; past 2,000 revisions the memory is simply dropped. */
    private final Map<Long, Map<String, Integer>> publishedLevels = new java.util.concurrent.ConcurrentHashMap<>();

    CourseService(CourseRepository courses, RevisionRepository revisions, PlanRepository plans, ModuleRepository modules,
                  CatalogueService catalogue, PlanCheck planCheck, Clock clock, ApplicationEventPublisher<ModulesCopied> copied,
                  ApplicationEventPublisher<DraftDiscarded> discarding) {
        this.courses = courses;
        this.revisions = revisions;
        this.plans = plans;
        this.modules = modules;
        this.catalogue = catalogue;
        this.planCheck = planCheck;
        this.clock = clock;
        this.copied = copied;
        this.discarding = discarding;
    }

    @Transactional
    public CourseView create(Requests.CreateCourse request, Actor actor) {
        List<InputError> errors = new ArrayList<>();
        String code = request.code() == null ? "" : request.code().strip();
        if (!CODE.matcher(code).matches()) {
            errors.add(InputError.field("code", "course.code-must-letters-digits"));
        }
        String title = title(request.title(), "title", errors);
        BigDecimal hours = hours(request.hours(), "hours", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("course.course-cannot-created-as-given"), errors);
        }
        if (courses.existsByCode(code)) {
            throw new ConflictException("course.course-code-taken", code);
        }
        long id;
        try {
            id = courses.save(new Course(null, code, title, blankToNull(request.description()), hours, actor.userId(), false, clock.instant())).id();
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                // created by another request between the check above and this insert
                throw new ConflictException("course.course-code-taken", code);
            }
            throw e;
        }
        revisions.insertRevision(id, 1, clock.instant(), RevisionRow.DEFAULT_CURRENCY_MONTHS);
        return view(courses.findCourse(id).orElseThrow(), latest(id));
    }

    /** A trainer's own courses (owned or named on); an admin's, all. */
    @ReadOnly
    public List<CourseSummary> list(Actor actor) {
        return courses.courses(actor.isAdmin() ? null : actor.userId()).stream().map(course -> {
            List<RevisionRow> history = revisions.findByCourseIdOrderByNumber(course.id());
            return new CourseSummary(course.id(), course.code(), course.title(), course.hours(), status(course, history),
                    course.owner(), history.get(history.size() - 1).number());
        }).toList();
    }

    /** The course with its latest revision: the draft being edited, or else the published plan. */
    @ReadOnly
    public CourseView get(long courseId, Actor actor) {
        CourseRow course = course(courseId, actor);
        return view(course, latest(courseId));
    }

    @ReadOnly
    public CourseView revision(long courseId, int number, Actor actor) {
        CourseRow course = course(courseId, actor);
        RevisionRow revision = revisions.findByCourseIdOrderByNumber(courseId).stream().filter(r -> r.number() == number).findFirst()
                .orElseThrow(() -> new NotFoundException("course.course-has-no-revision", courseId, number));
        return view(course, revision);
    }

    /**
     * The course with the revision an enrollment joined: what its learner is assessed against, whatever the
     * trainers have drafted since. The caller has checked that the actor may see that enrollment.
     */
    @ReadOnly
    public CourseView asJoined(long courseId, long revisionId) {
        CourseRow course = courses.findCourse(courseId).orElseThrow(() -> new NotFoundException("course.course-not-found", courseId));
        RevisionRow revision = revisions.findByCourseIdOrderByNumber(courseId).stream().filter(r -> r.id() == revisionId).findFirst()
                .orElseThrow(() -> new NotFoundException("course.course-has-no-revision", courseId, revisionId));
        return view(course, revision);
    }

    /** About a course, for its learner's page. The caller has checked that the actor may see an enrollment on it. */
    @ReadOnly
    public CourseAbout about(long courseId) {
        CourseRow course = courses.findCourse(courseId).orElseThrow(() -> new NotFoundException("course.course-not-found", courseId));
        return new CourseAbout(course.description(), courses.teachers(courseId));
    }

    /**
     * The level of each task a published revision aligns to, by task id, for features that hold an enrollment on it.
     * Kept in memory: a published revision never changes (a change opens a new draft).
     */
    @ReadOnly
    public Map<String, Integer> publishedTaskLevels(long revisionId) {
        Map<String, Integer> levels = publishedLevels.get(revisionId);
        if (levels == null) {
            levels = Map.copyOf(plans.taskLevels(revisionId));
            if (publishedLevels.size() >= 2_000) {
                publishedLevels.clear();
            }
            publishedLevels.put(revisionId, levels);
        }
        return levels;
    }

    @ReadOnly
    public List<CourseView.Revision> revisions(long courseId, Actor actor) {
        course(courseId, actor);
        return revisions.findByCourseIdOrderByNumber(courseId).stream().map(RevisionRow::view).toList();
    }

    @Transactional
    public CourseView align(long courseId, Requests.Align request, Actor actor) {
        CourseRow course = course(courseId, actor);
        List<InputError> errors = new ArrayList<>();
        if (request.standardCode() == null || request.standardCode().isBlank()) {
            errors.add(InputError.field("standardCode", "course.standardcode-required"));
        }
        if (request.taskCode() == null || request.taskCode().isBlank()) {
            errors.add(InputError.field("taskCode", "course.taskcode-required"));
        }
        Set<AssessmentMethod> methods = methods(request.methods(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("course.alignment-not-valid"), errors);
        }
        String standardCode = request.standardCode().strip();
        String taskCode = request.taskCode().strip();
        if (catalogue.find(standardCode).isEmpty()) {
            throw InvalidInputException.of("standardCode", "course.no-document-catalogue", standardCode);
        }
        TaskReference task = catalogue.locateTask(standardCode, taskCode).orElseThrow(() ->
                InvalidInputException.of("taskCode", "course.has-no-task", standardCode, taskCode));
        List<Long> indicators = indicators(task, request.indicatorCodes());
        RevisionRow draft = draft(course);
        if (plans.existsByRevisionIdAndTaskId(draft.id(), task.taskId())) {
            throw new ConflictException("course.already-aligned-change-indicators-methods", task.id());
        }
        plans.align(draft.id(), task.taskId(), request.indicatorCodes() == null || request.indicatorCodes().isEmpty(), indicators, methods);
        return view(course, draft);
    }

    @Transactional
    public CourseView unalign(long courseId, String taskId, Actor actor) {
        CourseRow course = course(courseId, actor);
        TaskReference task = task(taskId, "taskId");
        RevisionRow draft = draft(course);
        if (!plans.unalign(draft.id(), task.taskId())) {
            throw new NotFoundException("course.not-aligned-course", taskId, courseId);
        }
        return view(course, draft);
    }

    /** Adjusts the methods one planned indicator requires. */
    @Transactional
    public CourseView setMethods(long courseId, String indicatorId, Requests.Methods request, Actor actor) {
        CourseRow course = course(courseId, actor);
        Set<AssessmentMethod> methods = validMethods(request);
        RevisionRow draft = draft(course);
        plans.replaceMethods(draft.id(), plannedIndicator(draft, indicatorId, courseId), methods);
        return view(course, draft);
    }

    /** Sets one planned indicator's row of the sufficiency matrix (the rules of evidence, issue 33). */
    @Transactional
    public CourseView setSufficiency(long courseId, String indicatorId, Requests.Sufficiency request, Actor actor) {
        CourseRow course = course(courseId, actor);
        List<InputError> errors = new ArrayList<>();
        int pieces = within(request.minPieces(), 1, MAX_PIECES, "minPieces", errors);
        int methods = within(request.minMethods(), 1, AssessmentMethod.values().length, "minMethods", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("course.sufficiency-not-valid"), errors);
        }
        RevisionRow draft = draft(course);
        long indicator = plannedIndicator(draft, indicatorId, courseId);
        plans.setSufficiency(draft.id(), indicator, pieces, methods, Boolean.TRUE.equals(request.thirdPartyAlone()));
        return view(course, draft);
    }

    /** Sets the currency rule of the course's plan: how many months old a piece's performance may be when a MET rests on it. */
    @Transactional
    public CourseView setCurrency(long courseId, Requests.Currency request, Actor actor) {
        CourseRow course = course(courseId, actor);
        List<InputError> errors = new ArrayList<>();
        int months = within(request.months(), 1, MAX_CURRENCY_MONTHS, "months", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("course.currency-not-valid"), errors);
        }
        RevisionRow draft = draft(course);
        revisions.setCurrency(draft.id(), months);
        return view(course, latest(course.id()));
    }

    /** The currency rule of a revision, in months. */
    @ReadOnly
    public int currencyMonths(long revisionId) {
        return revisions.currencyMonths(revisionId);
    }

    private static int within(@Nullable Integer value, int least, int most, String field, List<InputError> errors) {
        if (value == null || value < least || value > most) {
            errors.add(InputError.field(field, "course.number-between", least, most));
            return least;
        }
        return value;
    }

    private long plannedIndicator(RevisionRow draft, String indicatorId, long courseId) {
        int colon = indicatorId.indexOf(':');
        return (colon < 0 ? Optional.<Long>empty()
                : plans.plannedIndicator(draft.id(), indicatorId.substring(0, colon), indicatorId.substring(colon + 1)))
                .orElseThrow(() -> new NotFoundException("course.not-plan-course", indicatorId, courseId));
    }

    /**
     * The methods of every planned indicator of one aligned task, as one form sets them: each indicator its own, all
     * saved together or none. An indicator left without a method is refused by name ({@code methods:<indicator id>}),
     * and so is one that is not the task's.
     *
     * @param methodsByIndicator     method codes by planned indicator id (KPS5294-001v4:P2.3.1); an indicator not named has none
     * @param sufficiencyByIndicator each indicator's row of the sufficiency matrix, saved with its methods; one not named keeps its own
     */
    @Transactional
    public CourseView setTaskPlan(long courseId, String taskId, Map<String, List<String>> methodsByIndicator,
                                  Map<String, Requests.Sufficiency> sufficiencyByIndicator, Actor actor) {
        CourseRow course = course(courseId, actor);
        RevisionRow draft = draft(course);
        List<CourseView.PlannedIndicator> planned = plans.plan(draft.id()).stream().filter(indicator -> indicator.task().equals(taskId)).toList();
        if (planned.isEmpty()) {
            throw new NotFoundException("course.has-no-indicator-plan-course", taskId, courseId);
        }
        List<InputError> errors = new ArrayList<>();
        Map<CourseView.PlannedIndicator, Set<AssessmentMethod>> chosen = new LinkedHashMap<>();
        for (CourseView.PlannedIndicator indicator : planned) {
            String field = "methods:" + indicator.id();
            List<String> codes = methodsByIndicator.getOrDefault(indicator.id(), List.of());
            Set<AssessmentMethod> methods = new LinkedHashSet<>();
            for (String code : codes) {
                AssessmentMethod.of(code == null ? "" : code.strip().toUpperCase()).ifPresentOrElse(methods::add,
                        () -> errors.add(InputError.field(field, "course.not-assessment-method-use-one", code, List.of(AssessmentMethod.values()))));
            }
            if (codes.isEmpty()) {
                errors.add(InputError.field(field, "course.indicator-needs-method", indicator.code()));
            }
            chosen.put(indicator, methods);
            Requests.Sufficiency sufficiency = sufficiencyByIndicator.get(indicator.id());
            if (sufficiency != null) {
                within(sufficiency.minPieces(), 1, MAX_PIECES, "minPieces:" + indicator.id(), errors);
                within(sufficiency.minMethods(), 1, AssessmentMethod.values().length, "minMethods:" + indicator.id(), errors);
            }
        }
        Set<String> ours = planned.stream().map(CourseView.PlannedIndicator::id).collect(java.util.stream.Collectors.toSet());
        methodsByIndicator.keySet().stream().filter(id -> !ours.contains(id)).sorted()
                .forEach(id -> errors.add(InputError.field("methods:" + id, "course.not-plan-course", id, courseId)));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("course.methods-are-not-valid"), errors);
        }
        chosen.forEach((indicator, methods) -> {
            long row = plans.plannedIndicator(draft.id(), indicator.standardCode(), indicator.code()).orElseThrow();
            plans.replaceMethods(draft.id(), row, methods);
            Requests.Sufficiency sufficiency = sufficiencyByIndicator.get(indicator.id());
            if (sufficiency != null) {
                plans.setSufficiency(draft.id(), row, sufficiency.minPieces(), sufficiency.minMethods(), Boolean.TRUE.equals(sufficiency.thirdPartyAlone()));
            }
        });
        return view(course, draft);
    }

    /** The methods a request names, refused whole when one is unknown. */
    private static Set<AssessmentMethod> validMethods(Requests.Methods request) {
        List<InputError> errors = new ArrayList<>();
        Set<AssessmentMethod> methods = methods(request.methods(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("course.methods-are-not-valid"), errors);
        }
        return methods;
    }

    @Transactional
    public CourseView addModule(long courseId, Requests.Module request, Actor actor) {
        CourseRow course = course(courseId, actor);
        ModuleInput input = moduleInput(request);
        RevisionRow draft = draft(course);
        int position = modules.modules(draft.id()).stream().mapToInt(CourseView.Module::position).max().orElse(0) + 1;
        long module = modules.insertModule(draft.id(), position, input.title, input.hours, input.description);
        modules.setModuleTasks(module, input.taskIds);
        return view(course, draft);
    }

    @Transactional
    public CourseView replaceModule(long courseId, long moduleId, Requests.Module request, Actor actor) {
        CourseRow course = course(courseId, actor);
        ModuleInput input = moduleInput(request);
        RevisionRow draft = draft(course);
        CourseView.Module module = moduleAt(draft, moduleId, courseId);
        modules.update(module.id(), input.title, input.hours, input.description);
        modules.setModuleTasks(module.id(), input.taskIds);
        return view(course, draft);
    }

    @Transactional
    public CourseView removeModule(long courseId, long moduleId, Actor actor) {
        CourseRow course = course(courseId, actor);
        RevisionRow draft = draft(course);
        modules.deleteModule(draft.id(), moduleAt(draft, moduleId, courseId).id());
        return view(course, draft);
    }

    @Transactional
    public CourseView addTrainer(long courseId, Requests.Trainer request, Actor actor) {
        CourseRow course = ownedCourse(courseId, actor);
        String username = request.username() == null ? "" : request.username().strip().toLowerCase();
        long userId = courses.userId(username).orElseThrow(() -> InvalidInputException.of("username", "course.no-user", username));
        if (!!courses.trainingRoles(userId).isEmpty()) {
            // a learner named on a course would read every peer's evidence, progress and certificates
            throw InvalidInputException.of("username", "course.not-trainer-only-users-with", username);
        }
        courses.addTrainer(courseId, userId);
        return view(course, latest(courseId));
    }

    @Transactional
    public CourseView removeTrainer(long courseId, String username, Actor actor) {
        CourseRow course = ownedCourse(courseId, actor);
        long userId = courses.userId(username).orElseThrow(() -> new NotFoundException("course.no-user", username));
        if (courses.removeTrainer(courseId, userId) == 0) {
            throw new NotFoundException("course.not-trainer-course", username, courseId);
        }
        return view(course, latest(courseId));
    }

    /** A course and the draft a change goes into, for the feature's other services (the draft opened as {@link #draft} does). */
    record Drafting(CourseRow course, RevisionRow draft) {
    }

    /** The course's latest revision (its draft, or else its published plan), for one who trains it. */
    long latestRevision(long courseId, Actor actor) {
        return latest(course(courseId, actor).id()).id();
    }

    Drafting drafting(long courseId, Actor actor) {
        CourseRow course = course(courseId, actor);
        return new Drafting(course, draft(course));
    }

    CourseView view(Drafting drafting) {
        return view(drafting.course(), drafting.draft());
    }

    /** SPEC §3: publishing checks the plan whole and says everything wrong with it at once. */
    @Transactional
    public CourseView publish(long courseId, Actor actor) {
        CourseRow course = course(courseId, actor);
        if (course.archived()) {
            throw new ConflictException("course.course-archived", courseId);
        }
        courses.lock(courseId);
        RevisionRow latest = latest(courseId);
        if (latest.status() == RevisionStatus.PUBLISHED) {
            return view(course, latest);
        }
        List<InputError> errors = planCheck.problems(plans.alignments(latest.id()), plans.plan(latest.id()), modules.modules(latest.id()));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("course.plan-cannot-published-yet"), errors);
        }
        revisions.publish(courseId, latest.id(), clock.instant());
        return view(course, latest(courseId));
    }

    @Transactional
    public CourseView archive(long courseId, Actor actor) {
        CourseRow course = course(courseId, actor);
        courses.archive(courseId);
        return view(courses.findCourse(courseId).orElseThrow(), latest(course.id()));
    }

    /** A module of any revision of any course; callers check who may see it. */
    @ReadOnly
    public Optional<ModuleRef> module(long moduleId) {
        return modules.ref(moduleId);
    }

    /**
     * The module of the course's draft that a change of {@code moduleId} goes into, the draft opened (and the published
     * modules copied, with what hangs off them) if there was none: for features that keep things per module.
     */
    @Transactional
    public ModuleRef draftModule(long courseId, long moduleId, Actor actor) {
        CourseRow course = course(courseId, actor);
        RevisionRow draft = draft(course);
        return modules.ref(moduleAt(draft, moduleId, courseId).id()).orElseThrow();
    }

    /** The course if the actor trains it or is an admin; anyone else is told it does not exist. */
    @ReadOnly
    public CourseRef requireTrainer(long courseId, Actor actor) {
        return ref(course(courseId, actor));
    }

    @ReadOnly
    public Optional<CourseRef> findByCode(String code) {
        return courses.findCourseByCode(code).map(this::ref);
    }

    @ReadOnly
    public Optional<CourseRef> find(long courseId) {
        return courses.findCourse(courseId).map(this::ref);
    }

    /**
     * Whether the actor trains the course: owns it or is named on it, and still holds the TRAINER role (a trainer
     * who became a learner keeps no access through old course entries).
     */
    @ReadOnly
    public boolean trains(long courseId, Actor actor) {
        return actor.has(Roles.TRAINER) && courses.isTrainer(courseId, actor.userId());
    }

    /** The user id of the course's lead trainer (its owner), if the course exists. */
    @ReadOnly
    public Optional<Long> leadOf(long courseId) {
        return courses.findCourse(courseId).map(CourseRow::ownerId);
    }

    /** The assessment plan of the course's latest revision (its draft if it has one): what its new content is tagged with. */
    @ReadOnly
    public List<PlanEntry> latestPlan(long courseId) {
        return plans.planEntries(latest(courseId).id());
    }

    /** The assessment plan of a revision: every indicator with the methods it requires. */
    @ReadOnly
    public List<PlanEntry> planOf(long revisionId) {
        return plans.planEntries(revisionId);
    }

    private CourseRef ref(CourseRow course) {
        RevisionRow published = revisions.findByCourseIdOrderByNumber(course.id()).stream().filter(r -> r.status() == RevisionStatus.PUBLISHED)
                .findFirst().orElse(null);
        return new CourseRef(course.id(), course.code(), course.title(), course.archived(),
                published == null ? null : published.id(), published == null ? null : published.number());
    }

    /** The course if the actor trains it (or is an admin); anyone else is told it does not exist. */
    private CourseRow course(long courseId, Actor actor) {
        CourseRow course = courses.findCourse(courseId).orElseThrow(() -> new NotFoundException("course.course-not-found", courseId));
        actor.requireOwnership(trains(courseId, actor), () -> Phrase.of("course.course-not-found", courseId));
        return course;
    }

    /** Only the owner (or an admin) names and removes co-trainers. */
    private CourseRow ownedCourse(long courseId, Actor actor) {
        CourseRow course = course(courseId, actor);
        if (course.ownerId() != actor.userId() && !actor.isAdmin()) {
            throw new ForbiddenException("course.only-owner-course-names-trainers", courseId);
        }
        return course;
    }

    /**
     * Drops the draft revision that changing a published course opened: its plan, modules and materials go, and the
     * published revision, which learners keep using, is the course's again, as it was. A course never published has
     * no published revision to return to: its draft is the course, and nothing is discarded.
     */
    @Transactional
    public CourseView discardDraft(long courseId, Actor actor) {
        CourseRow course = course(courseId, actor);
        courses.lock(course.id());
        List<RevisionRow> history = revisions.findByCourseIdOrderByNumber(course.id());
        RevisionRow draft = history.get(history.size() - 1);
        if (draft.status() != RevisionStatus.DRAFT) {
            throw new ConflictException("course.no-draft", course.id());
        }
        RevisionRow published = history.stream().filter(revision -> revision.status() == RevisionStatus.PUBLISHED).findFirst()
                .orElseThrow(() -> new ConflictException("course.draft-never-published", course.id()));
        discarding.publishEvent(new DraftDiscarded(draft.id(), modules.modules(draft.id()).stream().map(CourseView.Module::id).toList()));
        modules.removeAllOf(draft.id());
        plans.removeAllOf(draft.id());
        revisions.deleteRevision(draft.id());
        return view(course, published);
    }

    private RevisionRow latest(long courseId) {
        List<RevisionRow> history = revisions.findByCourseIdOrderByNumber(courseId);
        return history.get(history.size() - 1);
    }

    /**
     * The revision a change goes into: the open draft, or a new one copied from the published plan. The course is
     * locked first, so that of two changes at once only one opens the draft and the other finds it.
     */
    private RevisionRow draft(CourseRow course) {
        if (course.archived()) {
            throw new ConflictException("course.course-archived-plan-no-longer", course.id());
        }
        courses.lock(course.id());
        RevisionRow latest = latest(course.id());
        if (latest.status() == RevisionStatus.DRAFT) {
            return latest;
        }
        long draft = revisions.insertRevision(course.id(), latest.number() + 1, clock.instant(), latest.currencyMonths());
        plans.copyPlan(latest.id(), draft);
        copied.publishEvent(new ModulesCopied(modules.copyModules(latest.id(), draft)));
        return latest(course.id());
    }

    private CourseView view(CourseRow course, RevisionRow revision) {
        List<RevisionRow> history = revisions.findByCourseIdOrderByNumber(course.id());
        Integer published = history.stream().filter(r -> r.status() == RevisionStatus.PUBLISHED).map(RevisionRow::number)
                .findFirst().orElse(null);
        return new CourseView(course.id(), course.code(), course.title(), course.description(), course.hours(),
                status(course, history), course.owner(), courses.coTrainers(course.id()), revision.view(), published,
                plans.alignments(revision.id()), plans.plan(revision.id()), modules.modules(revision.id()));
    }

    private static CourseStatus status(CourseRow course, List<RevisionRow> revisions) {
        if (course.archived()) {
            return CourseStatus.ARCHIVED;
        }
        return revisions.stream().anyMatch(r -> r.status() != RevisionStatus.DRAFT) ? CourseStatus.PUBLISHED : CourseStatus.DRAFT;
    }

    private List<Long> indicators(TaskReference task, @Nullable List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return task.indicators().stream().map(TaskReference.IndicatorReference::indicatorId).toList();
        }
        List<InputError> errors = new ArrayList<>();
        Set<Long> chosen = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i) == null ? "" : codes.get(i).strip();
            String field = "indicatorCodes[" + i + "]";
            task.indicators().stream().filter(indicator -> indicator.code().equalsIgnoreCase(code)).findFirst().ifPresentOrElse(
                    indicator -> chosen.add(indicator.indicatorId()),
                    () -> errors.add(InputError.field(field, "course.has-no-indicator", task.id(), code)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("course.some-indicators-are-not-task"), errors);
        }
        return List.copyOf(chosen);
    }

    private static Set<AssessmentMethod> methods(@Nullable List<String> codes, List<InputError> errors) {
        if (codes == null) {
            errors.add(InputError.field("methods", "course.methods-required-empty-list-leaves"));
            return Set.of();
        }
        Set<AssessmentMethod> methods = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i) == null ? "" : codes.get(i).strip().toUpperCase();
            int index = i;
            AssessmentMethod.of(code).ifPresentOrElse(methods::add, () -> errors.add(InputError.field("methods[" + index + "]",
                    "course.not-assessment-method-use-one", codes.get(index), List.of(AssessmentMethod.values()))));
        }
        return methods;
    }

    private record ModuleInput(String title, BigDecimal hours, String description, List<Long> taskIds) {
    }

    private ModuleInput moduleInput(Requests.Module request) {
        List<InputError> errors = new ArrayList<>();
        String title = title(request.title(), "title", errors);
        BigDecimal hours = hours(request.hours(), "hours", errors);
        List<Long> taskIds = new ArrayList<>();
        List<String> tasks = request.tasks() == null ? List.of() : request.tasks();
        for (int i = 0; i < tasks.size(); i++) {
            String id = tasks.get(i) == null ? "" : tasks.get(i).strip();
            int colon = id.indexOf(':');
            int index = i;
            (colon < 0 ? Optional.<TaskReference>empty() : catalogue.locateTask(id.substring(0, colon), id.substring(colon + 1)))
                    .ifPresentOrElse(task -> taskIds.add(task.taskId()),
                            () -> errors.add(InputError.field("tasks[" + index + "]", "course.no-task-catalogue-ids-look", id)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("course.module-not-valid"), errors);
        }
        return new ModuleInput(title, hours, blankToNull(request.description()), List.copyOf(new LinkedHashSet<>(taskIds)));
    }

    /**
     * A module of the draft. A draft opened by this very change copied the published modules under new ids,
     * so a module named by its published id is found in the draft at the same position.
     */
    private CourseView.Module moduleAt(RevisionRow draft, long moduleId, long courseId) {
        List<CourseView.Module> inDraft = modules.modules(draft.id());
        int position = inDraft.stream().filter(m -> m.id() == moduleId).map(CourseView.Module::position).findFirst()
                .orElseGet(() -> revisions.findByCourseIdOrderByNumber(courseId).stream().flatMap(r -> modules.modules(r.id()).stream())
                        .filter(m -> m.id() == moduleId).map(CourseView.Module::position).findFirst().orElse(-1));
        return inDraft.stream().filter(m -> m.position() == position).findFirst()
                .orElseThrow(() -> new NotFoundException("course.course-has-no-module", courseId, moduleId));
    }

    private TaskReference task(String taskId, String field) {
        int colon = taskId.indexOf(':');
        return (colon < 0 ? Optional.<TaskReference>empty() : catalogue.locateTask(taskId.substring(0, colon), taskId.substring(colon + 1)))
                .orElseThrow(() -> InvalidInputException.of(field, "course.no-task-catalogue-ids-look", taskId));
    }

    private static String title(@Nullable String title, String field, List<InputError> errors) {
        String stripped = title == null ? "" : title.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_TITLE) {
            errors.add(InputError.field(field, "course.must-have-characters", Phrase.field(field), MAX_TITLE));
        }
        return stripped;
    }

    private static BigDecimal hours(@Nullable BigDecimal hours, String field, List<InputError> errors) {
        if (hours == null || hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0 || hours.stripTrailingZeros().scale() > 1) {
            errors.add(InputError.field(field, "course.must-positive-number-hours-most", Phrase.field(field), MAX_HOURS));
        }
        return hours;
    }

    private static String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
