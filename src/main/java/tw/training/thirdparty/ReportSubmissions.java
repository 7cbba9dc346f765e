package tw.training.thirdparty;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.training.account.AccountHolder;
import tw.training.account.AccountService;
import tw.training.address.PublicUrl;
import tw.training.badge.BadgeKey;
import tw.training.course.AssessmentMethod;
import tw.training.course.CourseService;
import tw.training.course.PlanEntry;
import tw.training.enrollment.EnrollmentRef;
import tw.training.enrollment.EnrollmentService;
import tw.training.evidence.EvidenceService;
import tw.training.evidence.storage.StagedFile;
import tw.training.evidence.storage.Staging;
import tw.training.mail.Letter;
import tw.training.mail.Mailbox;
import tw.training.phrase.Phrase;
import tw.training.problem.GoneException;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.problem.TooManyRequestsException;
import tw.training.secret.CookieTokens;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The asked person's side of a request, reached with the link's token alone: the form (opening it spends nothing), a
 * six-digit code mailed to the same address (15 minutes; five wrong tries and a new one is needed), and the signing,
 * which freezes the report as a {@link SignedReport} (kept on the request), mails a receipt with its hash, and files it
 * as evidence of method THIRD_PARTY_REPORT claiming the indicators observed. A link used or past its time answers 410.
 */
@Singleton
public class ReportSubmissions {

    /** The version of the declaration the signer makes; its words are {@code thirdparty.declaration} in each language. */
    public static final String DECLARATION_VERSION = "2026-12";
    static final Duration CODE_VALID = Duration.ofMinutes(15);
    static final int CODE_TRIES = 5;
    /** Codes one link may send in its life: with five tries each, fifty guesses at a million codes. */
    static final int MAX_CODES = 10;
    /** A report signed this recently may still be being filed by the request that signed it. */
    static final Duration FILING_GRACE = Duration.ofMinutes(1);
    private static final Set<String> OBSERVED = Set.of("CONSISTENTLY", "SOMETIMES", "NOT_OBSERVED");
    private static final int MAX_EXAMPLES = 4000;
    private static final Logger LOG = LoggerFactory.getLogger(ReportSubmissions.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    private final ReportRequestRepository requests;
    private final RequestedIndicatorRepository asked;
    private final EnrollmentService enrollments;
    private final CourseService courses;
    private final AccountService accounts;
    private final EvidenceService evidence;
    private final Staging staging;
    private final Mailbox mailbox;
    private final BadgeKey key;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final String home;
    private final ApplicationEventPublisher<ReportSigned> signedReports;

    ReportSubmissions(ReportRequestRepository requests, RequestedIndicatorRepository asked, EnrollmentService enrollments, CourseService courses,
                      AccountService accounts, EvidenceService evidence, Staging staging, Mailbox mailbox, BadgeKey key,
                      TransactionOperations<Connection> transactions, Clock clock, PublicUrl publicUrl,
                      ApplicationEventPublisher<ReportSigned> signedReports) {
        this.signedReports = signedReports;
        this.requests = requests;
        this.asked = asked;
        this.enrollments = enrollments;
        this.courses = courses;
        this.accounts = accounts;
        this.evidence = evidence;
        this.staging = staging;
        this.mailbox = mailbox;
        this.key = key;
        this.transactions = transactions;
        this.clock = clock;
        this.home = publicUrl.value();
    }

    /** An indicator as the form asks about it. */
    @Serdeable
    public record Asked(String id, String text) {
    }

    /** What the form shows: whose work, which indicators, the declaration's version, until when the link works. */
    @Serdeable
    public record Form(String learner, String name, String language, List<Asked> indicators, String declarationVersion, Instant expiresAt) {
    }

    /** One indicator's answer: {@code observed} CONSISTENTLY, SOMETIMES or NOT_OBSERVED, with concrete examples. */
    @Serdeable
    public record Answer(@Nullable String indicator, @Nullable String observed, @Nullable String examples) {
    }

    /** The signed form: the code, the answers, where and when the work was seen, the declaration and the signature. */
    @Serdeable
    public record ReportBody(@Nullable String code, @Nullable List<Answer> answers, @Nullable String period, @Nullable String place,
                             @Nullable Integer monthsSupervised, @Nullable Boolean firstHand, @Nullable Boolean noConflict,
                             @Nullable Boolean mayContact, @Nullable String signedName, @Nullable Boolean intent) {
    }

    /** The signer's receipt: the report's hash and where anyone can check it. */
    @Serdeable
    public record Receipt(String hash, String verifyUrl) {
    }

    public Form open(String token) {
        return transactions.executeWrite(status -> {
            ReportRequest request = live(token);
            requests.opened(request.id(), clock.instant());
            return form(request);
        });
    }

    /** Mails a new code to the request's address; an earlier code stops working. */
    public void sendCode(String token) {
        transactions.executeWrite(status -> {
            ReportRequest request = live(token);
            String code = String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
            if (requests.newCode(request.id(), codeHash(request.id(), code), clock.instant().plus(CODE_VALID), MAX_CODES) == 0) {
                throw new TooManyRequestsException(Duration.between(clock.instant(), request.expiresAt()), "thirdparty.codes-spent", MAX_CODES);
            }
            mailbox.post(new Letter("THIRD_PARTY_CODE", null, request.email(), request.language(), "third-party-code",
                    Phrase.of("mail.third-party-code.subject"), Map.of("name", request.name(), "code", code), null, null, true));
            return null;
        });
    }

    /**
     * Signs the report. Refused, whatever else, while the link is used or past its time (410), without the right code
     * (a wrong one counted, in a transaction of its own, before the refusal), or with an answer missing.
     */
    public Receipt submit(String token, ReportBody body, @Nullable String source) {
        Signed signed = transactions.executeWrite(status -> sign(token, body, source));
        file(signed);
        return new Receipt(signed.hash, verifyUrl(signed.hash));
    }

    /** Whether a report with this hash was signed here: all a verifier learns, nothing of what it says. */
    public boolean known(String hash) {
        return transactions.executeRead(status -> requests.existsByReportHash(hash));
    }

    private record Signed(ReportRequest request, String hash, byte[] file, Map<String, Long> observed, Instant signedAt) {
    }

    private Signed sign(String token, ReportBody body, @Nullable String source) {
        ReportRequest request = live(token);
        checkCode(request, body.code());
        Map<String, PlanEntry> plan = planOf(request);
        List<PlanEntry> askedAbout = asked.findByKeyRequestId(request.id()).stream().map(a -> plan.get(a.planId())).toList();
        List<InputError> errors = new ArrayList<>();
        Map<String, Answer> answers = answers(body.answers(), askedAbout, errors);
        String period = required(body.period(), "period", errors);
        String place = required(body.place(), "place", errors);
        if (body.monthsSupervised() == null || body.monthsSupervised() < 0 || body.monthsSupervised() > 600) {
            errors.add(InputError.field("monthsSupervised", "thirdparty.months-between"));
        }
        for (String field : List.of("firstHand", "noConflict", "mayContact", "intent")) {
            Boolean ticked = switch (field) {
                case "firstHand" -> body.firstHand();
                case "noConflict" -> body.noConflict();
                case "mayContact" -> body.mayContact();
                default -> body.intent();
            };
            if (!Boolean.TRUE.equals(ticked)) {
                errors.add(InputError.field(field, "thirdparty.must-tick"));
            }
        }
        String signedName = required(body.signedName(), "signedName", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("thirdparty.report-cannot-be-signed"), errors);
        }
        Instant now = clock.instant();
        JsonObject report = report(request, askedAbout, answers, period, place, body.monthsSupervised(), signedName, now, source);
        byte[] file = SignedReport.sign(report, key.pair());
        String hash = SignedReport.hash(report);
        if (requests.submit(request.id(), now, source, hash, new String(file, StandardCharsets.UTF_8)) == 0) {
            throw new GoneException("thirdparty.link-used");
        }
        signedReports.publishEvent(new ReportSigned(request.id(), request.enrollmentId(), hash, now));
        mailbox.post(new Letter("THIRD_PARTY_RECEIPT", null, request.email(), request.language(), "third-party-receipt",
                Phrase.of("mail.third-party-receipt.subject"), Map.of("name", request.name(), "hash", hash), verifyUrl(hash), null, false));
        Map<String, Long> observed = new LinkedHashMap<>();
        askedAbout.stream().filter(entry -> !"NOT_OBSERVED".equals(answers.get(entry.id()).observed().strip().toUpperCase(Locale.ROOT)))
                .forEach(entry -> observed.put(entry.id(), entry.indicatorId()));
        if (observed.isEmpty()) {
            requests.nothingObserved(request.id());
        }
        return new Signed(request, hash, file, observed, now);
    }

    /**
     * Files again the signed reports whose filing failed (the evidence store was away when they were signed), from
     * the reports as kept; answers how many were filed. The one-time key of each filing means a report is never filed
     * twice, even by two instances at once or after a filing whose link to the request was lost.
     */
    public int fileUnfiled() {
        List<ReportRequest> unfiled = transactions.executeRead(status -> requests.unfiled(clock.instant().minus(FILING_GRACE)));
        int filed = 0;
        for (ReportRequest request : unfiled) {
            JsonObject report = SignedReport.report(request.signedReport().getBytes(StandardCharsets.UTF_8));
            Map<String, PlanEntry> plan = planOf(request);
            Map<String, Long> observed = new LinkedHashMap<>();
            report.getJsonArray("observations").getValuesAs(JsonObject.class).stream()
                    .filter(o -> !"NOT_OBSERVED".equals(o.getString("observed")) && plan.containsKey(o.getString("indicator")))
                    .forEach(o -> observed.put(o.getString("indicator"), plan.get(o.getString("indicator")).indicatorId()));
            if (!observed.isEmpty() && file(new Signed(request, request.reportHash(), request.signedReport().getBytes(StandardCharsets.UTF_8),
                    observed, Instant.parse(report.getString("signedAt"))))) {
                filed++;
            }
        }
        return filed;
    }

    /**
     * Files the signed report as evidence claiming what was observed; answers whether it was. After the report's own
     * commit: the store may be slow or away, and a report signed is kept whatever becomes of its filing (the one-time
     * key files it once; {@link #fileUnfiled} tries again).
     */
    private boolean file(Signed signed) {
        if (signed.observed.isEmpty()) {
            return false;
        }
        try {
            StagedFile staged = staging.stage(new ByteArrayInputStream(signed.file), "third-party-report-" + signed.request.id() + ".json",
                    signed.file.length + 1L, "report");
            // the piece's words are written once, in the language the report was asked in
            Locale language = Mailbox.locale(signed.request.language());
            EvidenceService.Received received = evidence.submit(signed.request.enrollmentId(), new EvidenceService.Claim(
                    AssessmentMethod.THIRD_PARTY_REPORT, fitted(Phrase.of("thirdparty.evidence-title", signed.request.name(), signed.request.organisation()).in(language)),
                    Phrase.of("thirdparty.evidence-description", signed.request.jobTitle(), signed.request.relationship()).in(language),
                    signed.observed, "third-party-" + signed.request.id(), LocalDate.ofInstant(signed.signedAt, TAIPEI)), List.of(staged));
            transactions.executeWrite(status -> {
                requests.evidence(signed.request.id(), received.evidence().id());
                return null;
            });
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Third-party report {} signed but not filed as evidence now ({}); filed again later", signed.request.id(), e.toString());
            return false;
        }
    }

    private JsonObject report(ReportRequest request, List<PlanEntry> askedAbout, Map<String, Answer> answers, String period, String place,
                              int months, String signedName, Instant now, @Nullable String source) {
        EnrollmentRef enrollment = enrollments.reachedByLink(request.enrollmentId());
        String learner = accounts.holder(enrollment.learnerId()).map(AccountHolder::displayName).orElse(enrollment.learner());
        JsonArrayBuilder observations = Json.createArrayBuilder();
        for (PlanEntry entry : askedAbout) {
            Answer answer = answers.get(entry.id());
            observations.add(Json.createObjectBuilder().add("indicator", entry.id()).add("text", entry.text())
                    .add("observed", answer.observed().strip().toUpperCase(Locale.ROOT)).add("examples", answer.examples() == null ? "" : answer.examples().strip()));
        }
        String declaration = Phrase.of("thirdparty.declaration").in(Mailbox.locale(request.language()));
        return Json.createObjectBuilder()
                .add("type", "ThirdPartyReport")
                .add("request", request.id())
                .add("learner", Json.createObjectBuilder().add("name", learner).add("enrollment", request.enrollmentId()))
                .add("signer", Json.createObjectBuilder().add("name", request.name()).add("email", request.email())
                        .add("organisation", request.organisation()).add("position", request.jobTitle()).add("relationship", request.relationship()))
                .add("observations", observations)
                .add("period", period).add("place", place).add("monthsSupervised", months)
                .add("declaration", Json.createObjectBuilder().add("version", DECLARATION_VERSION).add("language", request.language())
                        .add("sha256", CookieTokens.hash(declaration)).add("firstHand", true).add("noConflictOfInterest", true).add("mayBeContacted", true))
                .add("signedName", signedName)
                .add("signedAt", now.toString())
                .add("source", source == null ? "" : source)
                .build();
    }

    private Map<String, Answer> answers(@Nullable List<Answer> given, List<PlanEntry> askedAbout, List<InputError> errors) {
        Map<String, Answer> byIndicator = new LinkedHashMap<>();
        for (Answer answer : given == null ? List.<Answer>of() : given) {
            if (answer != null && answer.indicator() != null) {
                byIndicator.put(answer.indicator().strip(), answer);
            }
        }
        for (int i = 0; i < askedAbout.size(); i++) {
            PlanEntry entry = askedAbout.get(i);
            Answer answer = byIndicator.get(entry.id());
            String field = "answers[" + i + "]";
            if (answer == null || answer.observed() == null || !OBSERVED.contains(answer.observed().strip().toUpperCase(Locale.ROOT))) {
                errors.add(InputError.field(field + ".observed", "thirdparty.observed-must-be-one", entry.id(), OBSERVED));
            } else if (!"NOT_OBSERVED".equals(answer.observed().strip().toUpperCase(Locale.ROOT))
                    && (answer.examples() == null || answer.examples().isBlank() || answer.examples().length() > MAX_EXAMPLES)) {
                errors.add(InputError.field(field + ".examples", "thirdparty.examples-required", entry.id(), MAX_EXAMPLES));
            }
        }
        return byIndicator;
    }

    private void checkCode(ReportRequest request, @Nullable String code) {
        if (request.codeAttempts() >= CODE_TRIES) {
            throw new TooManyRequestsException(CODE_VALID, "thirdparty.code-tries-spent");
        }
        if (code == null || code.isBlank()) {
            throw InvalidInputException.of("code", "thirdparty.code-required");
        }
        if (request.codeHash() == null || request.codeExpiresAt() == null || !clock.instant().isBefore(request.codeExpiresAt())) {
            throw InvalidInputException.of("code", "thirdparty.code-expired");
        }
        if (!MessageDigest.isEqual(codeHash(request.id(), code.strip()).getBytes(StandardCharsets.UTF_8),
                request.codeHash().getBytes(StandardCharsets.UTF_8))) {
            // counted whatever happens to the refusal's transaction
            transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW), status -> {
                requests.wrongCode(request.id());
                return null;
            });
            throw InvalidInputException.of("code", "thirdparty.code-wrong");
        }
    }

    private ReportRequest live(String token) {
        Optional<ReportRequest> found = token == null ? Optional.empty() : requests.findByTokenHash(CookieTokens.hash(token));
        if (found.isEmpty()) {
            throw new tw.training.problem.NotFoundException("thirdparty.link-unknown");
        }
        if (found.get().submittedAt() != null) {
            throw new GoneException("thirdparty.link-used");
        }
        if (!clock.instant().isBefore(found.get().expiresAt())) {
            throw new GoneException("thirdparty.link-expired");
        }
        return found.get();
    }

    private Form form(ReportRequest request) {
        Map<String, PlanEntry> plan = planOf(request);
        EnrollmentRef enrollment = enrollments.reachedByLink(request.enrollmentId());
        String learner = accounts.holder(enrollment.learnerId()).map(AccountHolder::displayName).orElse(enrollment.learner());
        return new Form(learner, request.name(), request.language(), asked.findByKeyRequestId(request.id()).stream()
                .map(a -> new Asked(a.planId(), plan.get(a.planId()).text())).toList(), DECLARATION_VERSION, request.expiresAt());
    }

    private Map<String, PlanEntry> planOf(ReportRequest request) {
        return courses.planOf(enrollments.reachedByLink(request.enrollmentId()).revisionId()).stream()
                .collect(Collectors.toMap(PlanEntry::id, Function.identity()));
    }

    private String verifyUrl(String hash) {
        return home + "/third-party/verify/" + hash;
    }

    private static String required(@Nullable String value, String field, List<InputError> errors) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > 500) {
            errors.add(InputError.field(field, "thirdparty.text-required", 500));
        }
        return stripped;
    }

    /** A title within the evidence's 300 characters, however long the name and organisation given (200 each). */
    private static String fitted(String title) {
        return title.length() <= 300 ? title : title.substring(0, 299) + "…";
    }

    private static String codeHash(long requestId, String code) {
        return CookieTokens.hash(requestId + ":" + code);
    }
}
