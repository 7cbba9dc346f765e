package tw.training.certificate;

import tw.training.phrase.Phrase;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import tw.training.address.PublicUrl;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.course.CourseService;
import tw.training.database.Sql;
import tw.training.enrollment.EnrollmentService;
import tw.training.enrollment.EnrollmentStatus;
import tw.training.enrollment.EnrollmentView;
import tw.training.problem.ConflictException;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;
import tw.training.provider.TrainingProvider;

import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Issues, shows, revokes and verifies certificates. */
@Singleton
public class CertificateService {

    /** Dates on certificates are Taiwan's. */
    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    private static final int MAX_REASON = 1000;
    private static final int ATTEMPTS = 10;

    private final CertificateRepository store;
    private final EnrollmentService enrollments;
    private final CourseService courses;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final String publicUrl;
    private final ApplicationEventPublisher<CertificateIssued> issued;
    private final ApplicationEventPublisher<CertificateRevoked> revoked;
    private final TrainingProvider provider;
    private final SecureRandom random = new SecureRandom();

    CertificateService(CertificateRepository store, EnrollmentService enrollments, CourseService courses,
                       TransactionOperations<Connection> transactions, Clock clock, PublicUrl publicUrl,
                       ApplicationEventPublisher<CertificateIssued> issued, ApplicationEventPublisher<CertificateRevoked> revoked,
                       TrainingProvider provider) {
        this.store = store;
        this.enrollments = enrollments;
        this.courses = courses;
        this.transactions = transactions;
        this.clock = clock;
        this.publicUrl = publicUrl.value();
        this.issued = issued;
        this.revoked = revoked;
        this.provider = provider;
    }

    /**
     * Admins only. 422 unless the enrollment is complete, 409 when it already has one. Issues in one course take the
     * course's lock for their number, so each gets the next; the retry on a unique violation remains for the one race
     * the lock cannot see, an enrollment certified twice at once.
     */
    public CertificateView issue(long enrollmentId, Actor actor) {
        actor.requireRole(Roles.ADMIN, Phrase.of("certificate.only-admin-issues"));
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.executeWrite(status -> issueOnce(enrollmentId, actor));
            } catch (RuntimeException e) {
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                if (transactions.executeRead(status -> store.validOf(enrollmentId)).isPresent()) {
                    throw new ConflictException("certificate.enrollment-already-has-certificate", enrollmentId);
                }
                if (attempt == ATTEMPTS) {
                    throw new ConflictException("certificate.certificate-numbers-this-course-are");
                }
            }
        }
    }

    private CertificateView issueOnce(long enrollmentId, Actor actor) {
        EnrollmentService.Visible enrollment = enrollments.requireVisibleView(enrollmentId, actor);
        // at most one valid certificate per enrollment: two admins issuing for it at once take turns here
        store.lockEnrollment(enrollmentId);
        Optional<CertificateRepository.Row> existing = store.validOf(enrollmentId);
        if (existing.isPresent()) {
            throw new ConflictException("certificate.enrollment-already-has-certificate-2", enrollmentId, existing.get().number());
        }
        if (enrollment.ref().status() != EnrollmentStatus.COMPLETED) {
            throw InvalidInputException.of("enrollmentId", "certificate.enrollment-only-complete-enrollment-every", enrollmentId, enrollment.ref().status());
        }
        Instant now = clock.instant();
        int year = LocalDate.ofInstant(now, TAIPEI).getYear();
        EnrollmentView view = enrollment.view();
        String prefix = view.course().code().toUpperCase().replaceAll("[^A-Z0-9]+", "-").replaceAll("^-|-$", "") + "-" + year;
        // a revoked certificate is replaced, and the new one names it
        Long replaces = store.latestOf(enrollmentId).map(CertificateRepository.Row::id).orElse(null);
        String token = token();
        // the enrollment's lock is taken first, then the course's: every path that takes both takes them in this order
        store.lockCourse(enrollment.ref().courseId());
        int next = store.nextSequence(enrollment.ref().courseId(), year);
        TrainingProvider.Identity issuer = provider.identity();
        store.save(new Certificate(null, enrollmentId, enrollment.ref().courseId(), year, next, prefix + "-" + String.format("%04d", next), token,
                now, actor.userId(), null, null, null, view.learner().displayName(), view.course().code(), view.course().title(), replaces,
                store.courseHours(enrollment.ref().courseId()), issuer.name(), issuer.signatoryName(), issuer.signatoryTitle(), issuer.logoId()));
        issued.publishEvent(new CertificateIssued(prefix + "-" + String.format("%04d", next), enrollmentId, now));
        return view(store.byToken(token).orElseThrow());
    }

    /** Its learner, the course's trainers and admins; to anyone else it does not exist. */
    @ReadOnly
    public CertificateView get(String number, Actor actor) {
        return view(visible(number, actor));
    }

    /** Every certificate of a course, revoked ones included: for its trainers and admins; to anyone else it does not exist. */
    @ReadOnly
    public List<CertificateView> ofCourse(long courseId, Actor actor) {
        courses.requireTrainer(courseId, actor);
        return store.ofCourse(courseId).stream().map(this::view).toList();
    }

    /** Admins only: every course with completed enrollments that have no certificate yet, most waiting first. */
    @ReadOnly
    public List<AwaitingIssue> awaitingIssue(Actor actor) {
        actor.requireRole(Roles.ADMIN, Phrase.of("certificate.only-admin-sees-awaiting"));
        return store.awaitingIssue();
    }

    /** The actor's own certificates (as a learner). */
    @ReadOnly
    public List<CertificateView> mine(Actor actor) {
        return store.ofLearner(actor.userId()).stream().map(this::view).toList();
    }

    /** Admins only; the reason is kept and the certificate verifies as revoked from then on. 409 if it already is. */
    public CertificateView revoke(String number, String reason, Actor actor) {
        actor.requireRole(Roles.ADMIN, Phrase.of("certificate.only-admin-revokes"));
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw InvalidInputException.of("reason", "certificate.reason-characters-required", MAX_REASON);
        }
        return transactions.executeWrite(status -> {
            CertificateRepository.Row row = visible(number, actor);
            Instant now = clock.instant();
            if (store.revoke(row.id(), why, now, actor.userId()) == 0) {
                throw new ConflictException("certificate.certificate-was-already-revoked-on", number, row.revokedAt());
            }
            revoked.publishEvent(new CertificateRevoked(number, row.enrollmentId(), why, now));
            return view(store.byNumber(number).orElseThrow());
        });
    }

    /**
     * Public: by the token of the QR code and link only (SPEC §6). Numbers are sequential and could be walked,
     * so a number, like any other key, answers UNKNOWN.
     */
    /** A certificate's row id: its place in the public revocation lists (the caller has found the certificate visible). */
    @ReadOnly
    public long idOf(CertificateView certificate) {
        return store.idOf(certificate.number()).orElseThrow(() -> new NotFoundException("certificate.certificate-not-found", certificate.number()));
    }

    /** Ids of the revoked certificates among [first, last], ascending; public (a status list shows them as bits, no names). */
    @ReadOnly
    public List<Long> revokedBetween(long first, long last) {
        return store.revokedBetween(first, last);
    }

    /** The highest certificate id so far (0 before the first). */
    @ReadOnly
    public long lastId() {
        return store.lastId();
    }

    @ReadOnly
    public Verification verify(String token) {
        Optional<CertificateRepository.Row> found = store.byToken(token == null ? "" : token.strip());
        return found.map(row -> new Verification(row.revokedAt() == null ? CertificateStatus.VALID : CertificateStatus.REVOKED, row.number(),
                new Verification.Course(row.courseCode(), row.courseTitle(), row.courseHours()), LocalDate.ofInstant(row.issuedAt(), TAIPEI),
                row.revokedAt() == null ? null : LocalDate.ofInstant(row.revokedAt(), TAIPEI), NameMask.mask(row.displayName()), issuer(row)))
                .orElseGet(Verification::unknown);
    }

    /** The certificates of a course's enrollments, in one read, for the certification report (the caller checks access). */
    @ReadOnly
    public List<CertificateSummary> ofCourse(long courseId) {
        return store.ofCourse(courseId).stream().map(row -> new CertificateSummary(row.enrollmentId(), row.number(),
                row.revokedAt() == null ? CertificateStatus.VALID : CertificateStatus.REVOKED, row.issuedAt(), row.revokedAt())).toList();
    }

    private CertificateRepository.Row visible(String number, Actor actor) {
        CertificateRepository.Row row = store.byNumber(number).orElseThrow(() -> new NotFoundException("certificate.certificate-not-found", number));
        boolean own = row.learnerId() == actor.userId();
        actor.requireOwnership(own || courses.trains(row.courseId(), actor), () -> Phrase.of("certificate.certificate-not-found", number));
        return row;
    }

    private CertificateView view(CertificateRepository.Row row) {
        return new CertificateView(row.number(), row.issuedAt(), LocalDate.ofInstant(row.issuedAt(), TAIPEI),
                row.revokedAt() == null ? CertificateStatus.VALID : CertificateStatus.REVOKED, row.revokedAt(), row.revocationReason(),
                row.enrollmentId(), row.replaces() == null ? null : store.number(row.replaces()).orElse(null),
                new CertificateView.Course(row.courseId(), row.courseCode(), row.courseTitle(), row.courseHours()),
                new CertificateView.Learner(row.username(), row.displayName()), publicUrl + "/verify/" + row.token(), issuer(row),
                store.documents(row.revisionId()), store.tasks(row.revisionId()));
    }

    /** Who issued it, as recorded then; a certificate issued before providers were recorded (V018) names the provider now. */
    private Issuer issuer(CertificateRepository.Row row) {
        if (row.providerName() == null) {
            TrainingProvider.Identity now = provider.identity();
            return issuer(now.name(), now.signatoryName(), now.signatoryTitle(), now.logoId());
        }
        return issuer(row.providerName(), row.signatoryName(), row.signatoryTitle(), row.providerLogoId());
    }

    private Issuer issuer(String name, @Nullable String signatoryName, @Nullable String signatoryTitle, @Nullable Long logoId) {
        return new Issuer(name, signatoryName, signatoryTitle, logoId, logoId == null ? null : publicUrl + "/provider/logos/" + logoId);
    }

    /** 256 random bits, URL-safe. */
    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
