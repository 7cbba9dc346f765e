package tw.training.evidence;

import tw.training.phrase.Phrase;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.training.account.Actor;
import tw.training.course.AssessmentMethod;
import tw.training.course.CourseRef;
import tw.training.course.CourseService;
import tw.training.course.PlanEntry;
import tw.training.database.Sql;
import tw.training.enrollment.EnrollmentRef;
import tw.training.enrollment.EnrollmentService;
import tw.training.enrollment.EnrollmentStatus;
import tw.training.evidence.storage.EvidenceStore;
import tw.training.evidence.storage.MissingObjectException;
import tw.training.evidence.storage.KeyPrefix;
import tw.training.evidence.storage.StagedFile;
import tw.training.evidence.storage.Staging;
import tw.training.problem.ConflictException;
import tw.training.problem.ForbiddenException;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Submits, shows, withdraws and serves evidence. A submission is all or nothing: its metadata is checked
 * against the enrollment's plan before any file is stored, every file is staged and checked before any
 * reaches the store, and if the database refuses the record the stored files are removed again.
 */
@Singleton
public class EvidenceService {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceService.class);
    private static final int MAX_TITLE = 300;

    private final EvidenceRepository rows;
    private final EvidenceFileRepository files;
    private final JudgementRepository judgements;
    private final EnrollmentService enrollments;
    private final CourseService courses;
    private final EvidenceStore store;
    private final EvidenceUploadRepository uploads;
    private final KeyPrefix prefix;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final ApplicationEventPublisher<EvidenceSubmitted> submitted;

    EvidenceService(EvidenceRepository rows, EvidenceFileRepository files, JudgementRepository judgements, EnrollmentService enrollments, CourseService courses, EvidenceStore store,
                    EvidenceUploadRepository uploads, KeyPrefix prefix, TransactionOperations<Connection> transactions, Clock clock,
                    ApplicationEventPublisher<EvidenceSubmitted> submitted) {
        this.rows = rows;
        this.files = files;
        this.judgements = judgements;
        this.enrollments = enrollments;
        this.courses = courses;
        this.store = store;
        this.uploads = uploads;
        this.prefix = prefix;
        this.transactions = transactions;
        this.clock = clock;
        this.submitted = submitted;
    }

    /** What a submission claims, checked: the method and the indicators' row ids. */
    /** @param submissionKey the submission's one-time key, if it has one: a second submission with it stores nothing */
    /** @param performedOn the day the work was performed, if the learner said; else the day of submission counts */
    public record Claim(AssessmentMethod method, String title, String description, Map<String, Long> indicators, @Nullable String submissionKey,
                        @Nullable LocalDate performedOn) {
    }

    /** A submission's answer: the piece, and whether an earlier submission with the same one-time key had stored it. */
    public record Received(Views.Evidence evidence, boolean repeated) {
    }

    /**
     * Checks a submission's metadata against the enrollment (the learner's own, active) and its plan, before
     * any file is read. Every fault is named: the method, the title, each indicator outside the plan or not
     * assessed by that method.
     */
    @ReadOnly
    public Claim check(long enrollmentId, Views.SubmitMetadata metadata, Actor actor) {
        EnrollmentRef enrollment = enrollments.requireVisible(enrollmentId, actor);
        if (enrollment.learnerId() != actor.userId()) {
            throw new ForbiddenException("evidence.only-enrolled-learner-submits-evidence");
        }
        if (enrollment.status() == EnrollmentStatus.WITHDRAWN) {
            throw new ConflictException("evidence.enrollment-withdrawn", enrollmentId);
        }
        if (courses.find(enrollment.courseId()).map(CourseRef::archived).orElse(false)) {
            // an archived course takes no enrollments; nor evidence that no one will assess
            throw new ConflictException("evidence.course-enrollment-archived-takes-no", enrollmentId);
        }
        List<InputError> errors = new ArrayList<>();
        AssessmentMethod method = metadata.method() == null ? null : AssessmentMethod.of(metadata.method().strip().toUpperCase()).orElse(null);
        if (method == null) {
            errors.add(InputError.field("metadata.method", "evidence.method-must-one", List.of(AssessmentMethod.values())));
        }
        String title = metadata.title() == null ? "" : metadata.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            errors.add(InputError.field("metadata.title", "evidence.title-must-have-characters", MAX_TITLE));
        }
        List<String> claimed = metadata.indicators() == null ? List.of() : metadata.indicators();
        if (claimed.isEmpty()) {
            errors.add(InputError.field("metadata.indicators", "evidence.claim-least-one-indicator-course"));
        }
        Map<String, PlanEntry> plan = courses.planOf(enrollment.revisionId()).stream()
                .collect(Collectors.toMap(PlanEntry::id, Function.identity()));
        Map<String, Long> indicators = new LinkedHashMap<>();
        for (int i = 0; i < claimed.size(); i++) {
            String id = claimed.get(i) == null ? "" : claimed.get(i).strip();
            PlanEntry entry = plan.get(id);
            String field = "metadata.indicators[" + i + "]";
            if (entry == null) {
                errors.add(InputError.field(field, "evidence.not-plan-this-enrollment-s", id));
            } else if (method != null && !entry.methods().contains(method)) {
                errors.add(InputError.field(field, "evidence.not-assessed-by-this-course", id, method, entry.methods()));
            } else {
                indicators.put(id, entry.indicatorId());
            }
        }
        String key = metadata.submissionKey() == null || metadata.submissionKey().isBlank() ? null : metadata.submissionKey().strip();
        if (key != null && !key.matches("[A-Za-z0-9_-]{8,64}")) {
            errors.add(InputError.field("metadata.submissionKey", "evidence.submission-key-letters-digits"));
        }
        LocalDate performedOn = performedOn(metadata.performedOn(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("evidence.evidence-cannot-accepted-as-described"), errors);
        }
        String description = metadata.description() == null || metadata.description().isBlank() ? null : metadata.description().strip();
        return new Claim(method, title, description, indicators, key, performedOn);
    }

    /** The day the work was performed, as given: a day, not after today in Taiwan (a piece cannot show work not yet done). */
    private LocalDate performedOn(@Nullable String given, List<InputError> errors) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(given.strip());
            if (day.isAfter(LocalDate.now(clock.withZone(EvidenceRules.TAIPEI)))) {
                errors.add(InputError.field("metadata.performedOn", "evidence.performed-not-future"));
            }
            return day;
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(InputError.field("metadata.performedOn", "evidence.performed-must-be-day"));
            return null;
        }
    }

    /**
     * Stores the staged files and records the evidence; on any failure nothing of it remains. Each key is recorded
     * as an upload before its file is written and cleared in the transaction that records the evidence, so that a
     * crash in between leaves a key the sweeper knows to be its own ({@link EvidenceSweeper}).
     */
    public Received submit(long enrollmentId, Claim claim, List<StagedFile> files) {
        Optional<Views.Evidence> earlier = submittedWith(enrollmentId, claim);
        if (earlier.isPresent()) {
            files.forEach(Staging::discard);
            return new Received(earlier.get(), true);
        }
        try {
            return new Received(store(enrollmentId, claim, files), false);
        } catch (RuntimeException e) {
            // two submissions with one key at once: the second finds the first's piece once the first committed
            if (claim.submissionKey() != null && Sql.isUniqueViolation(e)) {
                return new Received(submittedWith(enrollmentId, claim).orElseThrow(() -> e), true);
            }
            throw e;
        }
    }

    private Optional<Views.Evidence> submittedWith(long enrollmentId, Claim claim) {
        return claim.submissionKey() == null ? Optional.empty() : transactions.executeRead(status ->
                rows.submittedWith(enrollmentId, claim.submissionKey()).map(id -> view(rows.header(id).orElseThrow())));
    }

    private Views.Evidence store(long enrollmentId, Claim claim, List<StagedFile> files) {
        Instant now = clock.instant();
        List<String> keys = files.stream().map(file -> key(now)).toList();
        uploads.saveAll(keys.stream().map(key -> new EvidenceUpload(null, key, now)).toList());
        List<String> stored = new ArrayList<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                store.put(keys.get(i), files.get(i).path(), files.get(i).contentType());
                stored.add(keys.get(i));
            }
            return transactions.executeWrite(status -> {
                long id = rows.save(new EvidenceRow(null, enrollmentId, claim.method(), claim.title(), claim.description(), EvidenceStatus.SUBMITTED,
                        clock.instant(), null, claim.submissionKey(), claim.performedOn())).id();
                rows.addClaims(id, claim.indicators().values());
                if (!files.isEmpty()) {
                    this.files.saveAll(IntStream.range(0, files.size()).mapToObj(i -> new EvidenceFile(null, id, keys.get(i), files.get(i).filename(),
                            files.get(i).contentType(), files.get(i).size(), files.get(i).sha256())).toList());
                }
                uploads.deleteByStorageKeyIn(keys);
                Views.Evidence recorded = view(rows.header(id).orElseThrow());
                submitted.publishEvent(new EvidenceSubmitted(id, enrollmentId, claim.method().name(), claim.title(),
                        List.copyOf(claim.indicators().keySet()), recorded.submittedAt()));
                return recorded;
            });
        } catch (IOException e) {
            forget(stored, keys);
            throw new UncheckedIOException("the evidence store failed", e);
        } catch (RuntimeException e) {
            forget(stored, keys);
            throw e;
        } finally {
            files.forEach(Staging::discard);
        }
    }

    @ReadOnly
    public Views.Evidence get(long evidenceId, Actor actor) {
        return view(visible(evidenceId, actor));
    }

    /** A file's record and its bytes, for the learner, the course's trainers and admins. */
    @ReadOnly
    public Download download(long evidenceId, long fileId, Actor actor) {
        visible(evidenceId, actor);
        return fileOf(evidenceId, fileId);
    }

    /**
     * A file of a piece of evidence, for a caller that has already decided who may have it (moderation, whose moderators
     * need not train the course).
     */
    @ReadOnly
    public Download fileOf(long evidenceId, long fileId) {
        EvidenceFile file = files.findByEvidenceIdOrderById(evidenceId).stream().filter(f -> f.id() == fileId).findFirst()
                .orElseThrow(() -> new NotFoundException("evidence.evidence-has-no-file", evidenceId, fileId));
        return new Download(new Views.File(file.id(), file.filename(), file.size(), file.sha256(), file.contentType()),
                first -> store.open(file.storageKey(), first));
    }

    /** The records of a piece of evidence's files, for a caller that has already decided who may see them. */
    @ReadOnly
    public List<Views.File> filesOf(long evidenceId) {
        return files.findByEvidenceIdOrderById(evidenceId).stream()
                .map(f -> new Views.File(f.id(), f.filename(), f.size(), f.sha256(), f.contentType())).toList();
    }

    /**
     * A file to send: its record, and its bytes opened only when needed (not for a 304). A file the store has lost
     * (restored from backups of different times) is a 404 that says so, and one line in the log naming its key for the
     * operator, whose {@code reconcile-evidence} lists it; never a 500, and the store stays ready for the other files.
     */
    public record Download(Views.File file, Opener opener) {

        public InputStream open() throws IOException {
            return open(0);
        }

        /** The bytes from {@code first} on (a range's start), read from there by the store rather than skipped to. */
        public InputStream open(long first) throws IOException {
            try {
                return opener.open(first);
            } catch (MissingObjectException missing) {
                LOG.warn("File {} ({}) is missing from the evidence store: {}", file.id(), file.filename(), missing.key());
                throw new NotFoundException("evidence.file-missing-from-store-administrators", file.filename());
            }
        }
    }

    /** Opens the stored bytes of a file from a position. */
    public interface Opener {
        InputStream open(long first) throws IOException;
    }

    /** The learner takes evidence back while nobody has judged it; afterwards it is part of the record. */
    public Views.Evidence withdraw(long evidenceId, Actor actor) {
        return transactions.executeWrite(status -> {
            EvidenceRepository.Header header = visible(evidenceId, actor);
            if (header.learnerId() != actor.userId()) {
                throw new ForbiddenException("evidence.only-learner-withdraws-their-evidence");
            }
            if (judgements.existsByEvidenceId(evidenceId)) {
                throw new ConflictException("evidence.evidence-has-been-judged-can", evidenceId);
            }
            if (header.status() == EvidenceStatus.SUBMITTED) {
                rows.withdraw(evidenceId, clock.instant());
            }
            return view(rows.header(evidenceId).orElseThrow());
        });
    }

    /** The learner's own, the course's trainers and admins; to anyone else the evidence does not exist. */
    EvidenceRepository.Header visible(long evidenceId, Actor actor) {
        EvidenceRepository.Header header = rows.header(evidenceId).orElseThrow(() -> new NotFoundException("evidence.evidence-not-found", evidenceId));
        boolean own = header.learnerId() == actor.userId();
        actor.requireOwnership(own || courses.trains(header.courseId(), actor), () -> Phrase.of("evidence.evidence-not-found", evidenceId));
        return header;
    }

    Views.Evidence view(EvidenceRepository.Header header) {
        return views(List.of(header)).get(0);
    }

    /** Many pieces of evidence with their claims, files and judgements, in four queries whatever their number. */
    private List<Views.Evidence> views(List<EvidenceRepository.Header> headers) {
        List<Long> ids = headers.stream().map(EvidenceRepository.Header::id).toList();
        Map<Long, Map<String, Long>> claims = rows.claims(ids);
        Map<Long, List<EvidenceFile>> files = ids.isEmpty() ? Map.of()
                : this.files.findByEvidenceIdInOrderById(ids).stream().collect(Collectors.groupingBy(EvidenceFile::evidenceId));
        Map<Long, List<Views.Judgement>> judgements = ids.isEmpty() ? Map.of()
                : this.judgements.of(ids).stream().collect(Collectors.groupingBy(Views.Judgement::evidenceId));
        return headers.stream().map(header -> new Views.Evidence(header.id(), header.enrollmentId(), header.method(), header.title(),
                header.description(), header.status(), List.copyOf(claims.getOrDefault(header.id(), Map.of()).keySet()),
                files.getOrDefault(header.id(), List.of()).stream()
                        .map(f -> new Views.File(f.id(), f.filename(), f.size(), f.sha256(), f.contentType())).toList(),
                header.submittedAt(), header.withdrawnAt(), judgements.getOrDefault(header.id(), List.of()), header.performed())).toList();
    }

    /** The evidence of an enrollment: for its learner, the course's trainers and admins; to anyone else it does not exist. */
    @ReadOnly
    public List<Views.Evidence> ofEnrollment(long enrollmentId, Actor actor) {
        enrollments.requireVisible(enrollmentId, actor);
        return views(rows.ofEnrollments(List.of(enrollmentId)));
    }

    /** The signed-in learner's own evidence, in every course. */
    @ReadOnly
    public List<Views.Evidence> mine(Actor actor) {
        return views(rows.ofLearner(actor.userId()));
    }

    /** Generated, never derived from what the learner sent: the prefix, a date folder and a random name. */
    private String key(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return prefix.value() + String.format("%04d/%02d/%02d/%s", today.getYear(), today.getMonthValue(), today.getDayOfMonth(), UUID.randomUUID());
    }

    /** Removes what a failed submission stored; the recorded keys go too once their files are gone. */
    private void forget(List<String> stored, List<String> keys) {
        try {
            for (String key : stored) {
                store.delete(key);
            }
            uploads.deleteByStorageKeyIn(keys);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Files of a failed submission not removed ({}); the sweep removes them once they are an hour old", e.toString());
        }
    }
}
