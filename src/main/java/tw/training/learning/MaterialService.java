package tw.training.learning;

import tw.training.phrase.Phrase;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.course.CourseService;
import tw.training.course.ModuleRef;
import tw.training.course.ModulesCopied;
import tw.training.enrollment.EnrollmentRef;
import tw.training.enrollment.EnrollmentService;
import tw.training.evidence.EvidenceService;
import tw.training.evidence.StoredFiles;
import tw.training.evidence.Views;
import tw.training.evidence.storage.StagedFile;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trainers author a module's materials; learners study those of the revision they joined. A change to a published
 * module's material goes into the course's draft (opened if need be, the materials copied with the modules), so what a
 * learner studies never changes under them; the change answers the draft's copy, with its own id.
 */
@Singleton
public class MaterialService {

    static final int MAX_TITLE = 300;
    static final int MAX_MARKDOWN = 200_000;
    static final int MAX_URL = 2000;
    static final String FOLDER = "materials/";

    private final MaterialRepository materials;
    private final ActivityRepository activity;
    private final CourseService courses;
    private final EnrollmentService enrollments;
    private final StoredFiles files;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final long maxFileSize;

    MaterialService(MaterialRepository materials, ActivityRepository activity, CourseService courses, EnrollmentService enrollments,
                    StoredFiles files, TransactionOperations<Connection> transactions, Clock clock,
                    @ReadableBytes @Value("${app.learning.max-file-size:500MB}") long maxFileSize) {
        this.materials = materials;
        this.activity = activity;
        this.courses = courses;
        this.enrollments = enrollments;
        this.files = files;
        this.transactions = transactions;
        this.clock = clock;
        this.maxFileSize = maxFileSize;
    }

    /** The largest file material, in bytes (a video). */
    public long maxFileSize() {
        return maxFileSize;
    }

    /** A module's materials: for the course's trainers and admins, and for a learner enrolled on that module's revision. */
    public List<MaterialViews.Material> ofModule(long courseId, long moduleId, Actor actor) {
        return transactions.executeRead(status -> {
            Map<Long, Instant> done = studiedTimes(module(courseId, moduleId), actor);
            return materials.findByModuleIdOrderBySortOrderAndId(moduleId).stream().map(m -> view(m, done.get(m.id()))).toList();
        });
    }

    public MaterialViews.Material get(long materialId, Actor actor) {
        return transactions.executeRead(status -> {
            Material material = material(materialId);
            return view(material, studiedTimes(module(material), actor).get(material.id()));
        });
    }

    /** A lesson or a link, at the end of the module (of the draft). */
    public MaterialViews.Material add(long courseId, long moduleId, MaterialViews.NewMaterial request, Actor actor) {
        MaterialKind kind = kind(request.kind());
        List<InputError> errors = new ArrayList<>();
        String title = title(request.title(), errors);
        String markdown = kind == MaterialKind.LESSON ? markdown(request.markdown(), errors) : null;
        String url = kind == MaterialKind.LINK ? url(request.url(), errors) : null;
        refuse(errors);
        return transactions.executeWrite(status -> {
            ModuleRef draft = courses.draftModule(courseId, module(courseId, moduleId).id(), actor);
            materials.lockModule(draft.id());
            Material row = materials.save(new Material(null, draft.id(), null, materials.lastPosition(draft.id()) + 1, kind, title, markdown,
                    url, null, null, null, null, null, clock.instant()));
            return view(row, null);
        });
    }

    /** Before a file is read: only the course's trainers (and admins) add materials to its modules. */
    public void requireAuthor(long courseId, long moduleId, Actor actor) {
        transactions.executeRead(status -> courses.requireTrainer(module(courseId, moduleId).courseId(), actor));
    }

    /** A file, staged and checked, stored and recorded at the end of the module (of the draft); if recording fails, not kept. */
    public MaterialViews.Material addFile(long courseId, long moduleId, @Nullable String title, StagedFile file, Actor actor) {
        List<InputError> errors = new ArrayList<>();
        String name = title(title == null || title.isBlank() ? file.filename() : title, errors);
        refuse(errors);
        String key = files.put(FOLDER, file);
        try {
            return transactions.executeWrite(status -> {
                ModuleRef draft = courses.draftModule(courseId, moduleId, actor);
                materials.lockModule(draft.id());
                Material row = materials.save(new Material(null, draft.id(), null, materials.lastPosition(draft.id()) + 1, MaterialKind.FILE,
                        name, null, null, key, file.filename(), file.contentType(), file.size(), file.sha256(), clock.instant()));
                files.settle(key);
                return view(row, null);
            });
        } catch (RuntimeException e) {
            files.forget(key);
            throw e;
        }
    }

    /** Changes the material's copy in the draft: its title, its text or URL, its place in the module. */
    public MaterialViews.Material change(long materialId, MaterialViews.Change request, Actor actor) {
        List<InputError> errors = new ArrayList<>();
        return transactions.executeWrite(status -> {
            Material copy = draftCopy(materialId, actor);
            String title = request.title() == null ? copy.title() : title(request.title(), errors);
            String markdown = copy.kind() == MaterialKind.LESSON && request.markdown() != null ? markdown(request.markdown(), errors) : copy.body();
            String url = copy.kind() == MaterialKind.LINK && request.url() != null ? url(request.url(), errors) : copy.url();
            if (request.markdown() != null && copy.kind() != MaterialKind.LESSON) {
                errors.add(InputError.field("markdown", "learning.only-lesson-has-text"));
            }
            if (request.url() != null && copy.kind() != MaterialKind.LINK) {
                errors.add(InputError.field("url", "learning.only-link-has-url"));
            }
            List<Material> module = materials.findByModuleIdOrderBySortOrderAndId(copy.moduleId());
            if (request.position() != null && (request.position() < 1 || request.position() > module.size())) {
                errors.add(InputError.field("position", "learning.position-must", module.size()));
            }
            refuse(errors);
            Material changed = materials.update(copy.withText(title, markdown, url));
            if (request.position() != null) {
                changed = reorder(module, changed, request.position());
            }
            return view(changed, null);
        });
    }

    /** Removes the material's copy from the draft; its stored file goes once no revision refers to it. */
    public void remove(long materialId, Actor actor) {
        Optional<String> orphan = transactions.executeWrite(status -> {
            Material copy = draftCopy(materialId, actor);
            materials.delete(copy);
            return Optional.ofNullable(copy.storageKey()).filter(key -> !materials.existsByStorageKey(key));
        });
        orphan.ifPresent(files::forget);
    }

    /** A file material's bytes, for whoever may see the material. */
    public EvidenceService.Download download(long materialId, Actor actor) {
        Material material = transactions.executeRead(status -> {
            Material row = material(materialId);
            studiedTimes(module(row), actor);
            return row;
        });
        if (material.kind() != MaterialKind.FILE) {
            throw new NotFoundException("learning.material-not-file", materialId, material.kind().name().toLowerCase());
        }
        return new EvidenceService.Download(new Views.File(material.id(), material.filename(), material.size(), material.sha256(),
                material.contentType()), first -> files.open(material.storageKey(), first));
    }

    /** The learner studied the material; the first time counts, saying it again changes nothing. */
    public MaterialViews.Done done(long materialId, Actor actor) {
        return transactions.executeWrite(status -> {
            Material material = material(materialId);
            ModuleRef module = module(material);
            EnrollmentRef enrollment = enrollments.own(module.courseId(), actor).filter(e -> e.revisionId() == module.revisionId())
                    .orElseThrow(() -> new NotFoundException("learning.material-not-found", materialId));
            activity.markDone(enrollment.id(), materialId, clock.instant());
            return new MaterialViews.Done(materialId, activity.doneAt(enrollment.id(), materialId).orElseThrow());
        });
    }

    /**
     * For pages: records that the actor studied the material if they are a learner of its revision (opening a lesson, a
     * file or a link); for a trainer or an admin looking at it, nothing.
     */
    public void studiedIfLearner(long materialId, Actor actor) {
        transactions.executeWrite(status -> {
            ModuleRef module = module(material(materialId));
            enrollments.own(module.courseId(), actor).filter(e -> e.revisionId() == module.revisionId())
                    .ifPresent(enrollment -> activity.markDone(enrollment.id(), materialId, clock.instant()));
            return null;
        });
    }

    /** Copies the materials of modules copied into a new draft, in the transaction that opened it. */
    @EventListener
    void onModulesCopied(ModulesCopied event) {
        event.copies().forEach(materials::copy);
    }

    private Material reorder(List<Material> module, Material moved, int position) {
        List<Material> order = new ArrayList<>(module.stream().filter(m -> !m.id().equals(moved.id())).toList());
        order.add(position - 1, moved);
        Material answer = moved;
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).sortOrder() != i + 1) {
                Material renumbered = materials.update(order.get(i).at(i + 1));
                answer = renumbered.id().equals(moved.id()) ? renumbered : answer;
            }
        }
        return answer;
    }

    /** The copy in the course's draft of the material's line (the draft opened if there was none); trainers only. */
    private Material draftCopy(long materialId, Actor actor) {
        Material material = material(materialId);
        ModuleRef module = module(material);
        ModuleRef draft = courses.draftModule(module.courseId(), module.id(), actor);
        materials.lockModule(draft.id());
        return materials.inModule(draft.id(), material.line())
                .orElseThrow(() -> new NotFoundException("learning.material-no-longer-course-s", materialId));
    }

    private Material material(long materialId) {
        return materials.findById(materialId).orElseThrow(() -> new NotFoundException("learning.material-not-found", materialId));
    }

    private ModuleRef module(Material material) {
        return courses.module(material.moduleId()).orElseThrow();
    }

    private ModuleRef module(long courseId, long moduleId) {
        return courses.module(moduleId).filter(m -> m.courseId() == courseId)
                .orElseThrow(() -> new NotFoundException("learning.course-has-no-module", courseId, moduleId));
    }

    /**
     * When the actor studied each material of the module: nothing for a trainer of the course (or an admin), the times
     * of their own enrollment on that module's revision for a learner; anyone else is told the module does not exist.
     */
    private Map<Long, Instant> studiedTimes(ModuleRef module, Actor actor) {
        if (actor.isAdmin() || courses.trains(module.courseId(), actor)) {
            return Map.of();
        }
        EnrollmentRef enrollment = enrollments.own(module.courseId(), actor).filter(e -> e.revisionId() == module.revisionId())
                .orElseThrow(() -> new NotFoundException("learning.course-has-no-module", module.courseId(), module.id()));
        return activity.doneIn(enrollment.id(), module.id());
    }

    static MaterialViews.Material view(Material material, @Nullable Instant doneAt) {
        boolean file = material.kind() == MaterialKind.FILE;
        return new MaterialViews.Material(material.id(), material.moduleId(), material.sortOrder(), material.kind(), material.title(),
                material.body(), material.body() == null ? null : LessonText.html(material.body()), material.url(),
                file ? new MaterialViews.File(material.filename(), material.size(), material.sha256(), material.contentType()) : null,
                file ? "/api/materials/" + material.id() + "/file" : null, doneAt);
    }

    private static MaterialKind kind(@Nullable String kind) {
        String name = kind == null ? "" : kind.strip().toUpperCase();
        if (name.equals("LESSON") || name.equals("LINK")) {
            return MaterialKind.valueOf(name);
        }
        throw InvalidInputException.of("kind", "learning.kind-must-lesson-link-file");
    }

    private static String title(@Nullable String title, List<InputError> errors) {
        String stripped = title == null ? "" : title.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_TITLE) {
            errors.add(InputError.field("title", "learning.title-must-have-characters", MAX_TITLE));
        }
        return stripped;
    }

    private static String markdown(@Nullable String markdown, List<InputError> errors) {
        if (markdown == null || markdown.isBlank() || markdown.length() > MAX_MARKDOWN) {
            errors.add(InputError.field("markdown", "learning.lesson-s-markdown-must-have", MAX_MARKDOWN));
        }
        return markdown;
    }

    /** Only absolute http and https URLs: a link is followed from a learner's page. */
    static String url(@Nullable String url, List<InputError> errors) {
        String stripped = url == null ? "" : url.strip();
        try {
            URI uri = new URI(stripped);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && stripped.length() <= MAX_URL) {
                return stripped;
            }
        } catch (URISyntaxException ignored) {
            // named below
        }
        errors.add(InputError.field("url", "learning.url-must-absolute-http-https", MAX_URL));
        return stripped;
    }

    private static void refuse(List<InputError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("learning.material-not-valid"), errors);
        }
    }
}
