package tw.training.thirdparty;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import tw.training.account.AccountHolder;
import tw.training.account.AccountService;
import tw.training.account.Actor;
import tw.training.address.PublicUrl;
import tw.training.course.AssessmentMethod;
import tw.training.course.CourseService;
import tw.training.course.PlanEntry;
import tw.training.enrollment.EnrollmentRef;
import tw.training.enrollment.EnrollmentService;
import tw.training.enrollment.EnrollmentStatus;
import tw.training.mail.Letter;
import tw.training.mail.Mailbox;
import tw.training.phrase.Phrase;
import tw.training.problem.ConflictException;
import tw.training.problem.ForbiddenException;
import tw.training.problem.NotFoundException;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.secret.CookieTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Asking someone who is not a user for a report: the trainer or the learner names the person and the indicators of
 * the learner's plan assessed by third-party report; the person receives a link by mail (a 256-bit token, only its
 * SHA-256 kept, valid 14 days), which opens the form without spending anything, so a mail scanner cannot burn it.
 */
@Singleton
public class ReportRequests {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_TEXT = 200;

    private final ReportRequestRepository requests;
    private final RequestedIndicatorRepository asked;
    private final EnrollmentService enrollments;
    private final CourseService courses;
    private final AccountService accounts;
    private final Mailbox mailbox;
    private final Clock clock;
    private final String home;
    private final Duration linkValid;

    ReportRequests(ReportRequestRepository requests, RequestedIndicatorRepository asked, EnrollmentService enrollments, CourseService courses,
                   AccountService accounts, Mailbox mailbox, Clock clock, PublicUrl publicUrl,
                   @Value("${app.third-party.link-valid:14d}") Duration linkValid) {
        this.requests = requests;
        this.asked = asked;
        this.enrollments = enrollments;
        this.courses = courses;
        this.accounts = accounts;
        this.mailbox = mailbox;
        this.clock = clock;
        this.home = publicUrl.value();
        this.linkValid = linkValid;
    }

    /**
     * Whom to ask, and about which indicators of the plan (their ids, e.g. {@code KPS5294-001v4:P1.1.1}).
     *
     * @param submissionKey a one-time key of the asking form (8 to 64 letters, digits, - or _): sent twice, it asks once
     */
    @Serdeable
    public record RequestBody(@Nullable String name, @Nullable String email, @Nullable String organisation, @Nullable String position,
                              @Nullable String relationship, @Nullable String language, @Nullable List<String> indicators,
                              @Nullable String submissionKey) {

        public RequestBody(@Nullable String name, @Nullable String email, @Nullable String organisation, @Nullable String position,
                           @Nullable String relationship, @Nullable String language, @Nullable List<String> indicators) {
            this(name, email, organisation, position, relationship, language, indicators, null);
        }
    }

    /** A request as the learner and the course's trainers see it: never its link, which is the asked person's alone. */
    @Serdeable
    public record RequestView(long id, String name, String email, String organisation, String position, String relationship,
                              String language, Instant createdAt, Instant expiresAt, String state, List<String> indicators,
                              @Nullable Instant submittedAt, @Nullable String reportHash, @Nullable Long evidenceId, List<String> flags,
                              @Nullable Verification verification) {
    }

    /** How an assessor verified a signed report, on which day, and who recorded it. */
    @Serdeable
    public record Verification(String method, LocalDate on, @Nullable String by, Instant recordedAt) {
    }

    /** How a report was verified: {@code method} PHONE, EMAIL, IN_PERSON or NOT_VERIFIED, on {@code date} (yyyy-mm-dd). */
    @Serdeable
    public record VerificationBody(@Nullable String method, @Nullable String date) {
    }

    /** The ways an assessor may have verified a report. */
    public static final List<String> VERIFICATIONS = List.of("PHONE", "EMAIL", "IN_PERSON", "NOT_VERIFIED");
    /** Signed sooner than this after the link was first opened: too quick to have read and answered. */
    static final Duration QUICK = Duration.ofSeconds(60);
    /** Days of verification are Taipei's. */
    private static final java.time.ZoneId TAIPEI = java.time.ZoneId.of("Asia/Taipei");

    /** Records a request and mails its link, in one transaction: the mail exists exactly when the request does. */
    @Transactional
    public RequestView request(long enrollmentId, RequestBody body, Actor actor) {
        EnrollmentRef enrollment = enrollments.requireVisible(enrollmentId, actor);
        if (enrollment.status() == EnrollmentStatus.WITHDRAWN) {
            throw new ConflictException("thirdparty.enrollment-withdrawn", enrollmentId);
        }
        List<InputError> errors = new ArrayList<>();
        String name = text(body.name(), "name", errors);
        String email = body.email() == null ? "" : body.email().strip();
        if (!EMAIL.matcher(email).matches() || email.length() > 320) {
            errors.add(InputError.field("email", "thirdparty.email-must-be-address"));
        }
        String organisation = text(body.organisation(), "organisation", errors);
        String position = text(body.position(), "position", errors);
        String relationship = text(body.relationship(), "relationship", errors);
        String language = body.language() == null || body.language().isBlank() ? AccountService.LANGUAGES.get(0) : body.language().strip();
        if (!AccountService.LANGUAGES.contains(language)) {
            errors.add(InputError.field("language", "thirdparty.language-must-be-one", AccountService.LANGUAGES));
        }
        Map<String, PlanEntry> chosen = indicators(enrollment, body.indicators(), errors);
        String key = body.submissionKey() == null || body.submissionKey().isBlank() ? null : body.submissionKey().strip();
        if (key != null && !key.matches("[A-Za-z0-9_-]{8,64}")) {
            errors.add(InputError.field("submissionKey", "evidence.submission-key-letters-digits"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("thirdparty.request-cannot-be-made"), errors);
        }
        Optional<ReportRequest> earlier = key == null ? Optional.empty() : requests.findByEnrollmentIdAndSubmissionKey(enrollmentId, key);
        if (earlier.isPresent()) {
            return view(earlier.get(), asked.findByKeyRequestId(earlier.get().id()).stream().map(RequestedIndicator::planId).toList(),
                    learner(enrollment));
        }
        Instant now = clock.instant();
        String token = CookieTokens.fresh();
        ReportRequest saved = requests.save(new ReportRequest(null, enrollmentId, actor.userId(), name, email, organisation, position,
                relationship, language, CookieTokens.hash(token), now, now.plus(linkValid), null, null, null, 0, null, null, null, null, null, null, null, null,
                null, key));
        asked.saveAll(chosen.values().stream().map(entry -> new RequestedIndicator(new RequestedIndicator.Key(saved.id(), entry.indicatorId()),
                entry.id())).toList());
        String learner = accounts.holder(enrollment.learnerId()).map(AccountHolder::displayName).orElse(enrollment.learner());
        mailbox.post(new Letter("THIRD_PARTY_REQUEST", null, email, language, "third-party-request",
                Phrase.of("mail.third-party.subject", learner), Map.of("name", name, "learner", learner, "requester", actor.username(),
                "indicators", chosen.values().stream().map(entry -> entry.id() + " " + entry.text()).toList(), "expires", saved.expiresAt()),
                home + "/third-party/" + token, null, true));
        return view(saved, List.copyOf(chosen.keySet()), learner(enrollment));
    }

    /** The indicators of an enrollment's plan a report may be asked about (those assessed by third-party report). */
    @ReadOnly
    public List<PlanEntry> askable(long enrollmentId, Actor actor) {
        return courses.planOf(enrollments.requireVisible(enrollmentId, actor).revisionId()).stream()
                .filter(entry -> entry.methods().contains(AssessmentMethod.THIRD_PARTY_REPORT)).toList();
    }

    /** The requests of an enrollment, newest last. */
    @ReadOnly
    public List<RequestView> of(long enrollmentId, Actor actor) {
        Learner learner = learner(enrollments.requireVisible(enrollmentId, actor));
        return requests.findByEnrollmentIdOrderByCreatedAt(enrollmentId).stream()
                .map(request -> view(request, asked.findByKeyRequestId(request.id()).stream().map(RequestedIndicator::planId).toList(), learner))
                .toList();
    }

    /** The enrollment a request belongs to, for whoever may see that enrollment (to anyone else the request does not exist). */
    @ReadOnly
    public long enrollmentOf(long requestId, Actor actor) {
        ReportRequest request = requests.findById(requestId).orElseThrow(() -> new NotFoundException("thirdparty.request-not-found", requestId));
        return enrollments.requireVisible(request.enrollmentId(), actor).id();
    }

    /**
     * Records how an assessor (a trainer of the course) verified a signed report: by phone, e-mail, in person, or not
     * at all, on which day. A later record replaces an earlier one; each keeps who made it.
     */
    @Transactional
    public RequestView verify(long requestId, VerificationBody body, Actor actor) {
        ReportRequest request = requests.findById(requestId).orElseThrow(() -> new NotFoundException("thirdparty.request-not-found", requestId));
        EnrollmentRef enrollment = enrollments.requireVisible(request.enrollmentId(), actor);
        if (!courses.trains(enrollment.courseId(), actor)) {
            throw new ForbiddenException("thirdparty.only-assessors-verify");
        }
        if (request.submittedAt() == null) {
            throw new ConflictException("thirdparty.not-signed-yet");
        }
        List<InputError> errors = new ArrayList<>();
        String method = body.method() == null ? "" : body.method().strip().toUpperCase(java.util.Locale.ROOT);
        if (!VERIFICATIONS.contains(method)) {
            errors.add(InputError.field("method", "thirdparty.verification-must-be-one", VERIFICATIONS));
        }
        LocalDate on = null;
        try {
            on = LocalDate.parse(body.date() == null ? "" : body.date().strip());
        } catch (java.time.format.DateTimeParseException notADate) {
            errors.add(InputError.field("date", "thirdparty.date-must-be-day"));
        }
        if (on != null && on.isAfter(LocalDate.ofInstant(clock.instant(), TAIPEI))) {
            errors.add(InputError.field("date", "thirdparty.date-not-future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("thirdparty.verification-cannot-be-recorded"), errors);
        }
        requests.verified(requestId, method, on, actor.userId(), clock.instant());
        ReportRequest updated = requests.findById(requestId).orElseThrow();
        return view(updated, asked.findByKeyRequestId(requestId).stream().map(RequestedIndicator::planId).toList(), learner(enrollment));
    }

    /** What the flags compare a signer with: the learner's address and where they last signed in from, read once per listing. */
    private record Learner(String email, Optional<String> lastSource) {
    }

    private Learner learner(EnrollmentRef enrollment) {
        return new Learner(accounts.holder(enrollment.learnerId()).map(AccountHolder::email).orElse("").strip().toLowerCase(java.util.Locale.ROOT),
                accounts.lastSource(enrollment.learnerId()));
    }

    private RequestView view(ReportRequest request, List<String> indicators, Learner learner) {
        String state = request.submittedAt() != null ? "SUBMITTED" : clock.instant().isBefore(request.expiresAt()) ? "WAITING" : "EXPIRED";
        Verification verification = request.verifiedMethod() == null ? null : new Verification(request.verifiedMethod(), request.verifiedOn(),
                request.verifiedBy() == null ? null : accounts.holder(request.verifiedBy()).map(AccountHolder::username).orElse(null), request.verifiedAt());
        return new RequestView(request.id(), request.name(), request.email(), request.organisation(), request.jobTitle(), request.relationship(),
                request.language(), request.createdAt(), request.expiresAt(), state, indicators, request.submittedAt(), request.reportHash(),
                request.evidenceId(), flags(request, learner), verification);
    }

    /**
     * What an assessor should look at twice, beside the report: the signer's address is the learner's or shares its
     * domain; it was signed less than a minute after the link was first opened; it was signed from the address the
     * learner last signed in from.
     */
    private static List<String> flags(ReportRequest request, Learner learner) {
        List<String> flags = new ArrayList<>();
        String learnerEmail = learner.email();
        String signerEmail = request.email().strip().toLowerCase(java.util.Locale.ROOT);
        if (signerEmail.equals(learnerEmail)) {
            flags.add("EMAIL_IS_LEARNERS");
        } else if (!learnerEmail.isEmpty() && domain(signerEmail).equals(domain(learnerEmail))) {
            flags.add("SAME_DOMAIN_AS_LEARNER");
        }
        if (request.submittedAt() != null && request.openedAt() != null
                && Duration.between(request.openedAt(), request.submittedAt()).compareTo(QUICK) < 0) {
            flags.add("SIGNED_QUICKLY");
        }
        if (request.submittedFrom() != null && learner.lastSource().filter(request.submittedFrom()::equals).isPresent()) {
            flags.add("SIGNED_FROM_LEARNERS_ADDRESS");
        }
        return flags;
    }

    private static String domain(String email) {
        return email.substring(email.indexOf('@') + 1);
    }

    /** The indicators asked about: each of the plan, each assessed by third-party report. */
    private Map<String, PlanEntry> indicators(EnrollmentRef enrollment, @Nullable List<String> ids, List<InputError> errors) {
        Map<String, PlanEntry> plan = courses.planOf(enrollment.revisionId()).stream().collect(Collectors.toMap(PlanEntry::id, Function.identity()));
        Map<String, PlanEntry> chosen = new LinkedHashMap<>();
        List<String> requested = ids == null ? List.of() : ids;
        if (requested.isEmpty()) {
            errors.add(InputError.field("indicators", "thirdparty.name-least-one-indicator"));
        }
        for (int i = 0; i < requested.size(); i++) {
            String id = requested.get(i) == null ? "" : requested.get(i).strip();
            PlanEntry entry = plan.get(id);
            if (entry == null) {
                errors.add(InputError.field("indicators[" + i + "]", "thirdparty.not-in-plan", id));
            } else if (!entry.methods().contains(AssessmentMethod.THIRD_PARTY_REPORT)) {
                errors.add(InputError.field("indicators[" + i + "]", "thirdparty.not-assessed-by-report", id));
            } else {
                chosen.put(id, entry);
            }
        }
        return chosen;
    }

    private static String text(@Nullable String value, String field, List<InputError> errors) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_TEXT) {
            errors.add(InputError.field(field, "thirdparty.text-required", MAX_TEXT));
        }
        return stripped;
    }
}
