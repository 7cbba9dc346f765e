package tw.training.thirdparty;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.web.PlainText;
import tw.training.web.TrustedProxies;

import java.net.URI;
import java.util.List;

/**
 * Third-party reports: requests by the learner or the course's trainers; the asked person's form, code and signature,
 * reached with the mailed link's token alone; and the public check of a receipt's hash.
 */
@PlainText
@Controller
@Tag(name = "third-party reports")
class ThirdPartyController {

    private final ReportRequests requests;
    private final ReportSubmissions submissions;
    private final TrustedProxies proxies;

    ThirdPartyController(ReportRequests requests, ReportSubmissions submissions, TrustedProxies proxies) {
        this.requests = requests;
        this.submissions = submissions;
        this.proxies = proxies;
    }

    /** Whether a receipt's hash is that of a report signed here; nothing of what it says. */
    @Serdeable
    record Verification(String hash, boolean valid) {
    }

    @Post("/api/enrollments/{id}/third-party-requests")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Ask someone who is not a user (a supervisor, a client) for a report on indicators of the plan; they are mailed a link")
    HttpResponse<ReportRequests.RequestView> request(@PathVariable long id, @Body ReportRequests.RequestBody body,
                                                     @Parameter(hidden = true) Actor actor) {
        ReportRequests.RequestView made = requests.request(id, body, actor);
        return HttpResponse.created(made, URI.create("/api/enrollments/" + id + "/third-party-requests"));
    }

    @Get("/api/enrollments/{id}/third-party-requests")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "The third-party report requests of an enrollment and their state")
    List<ReportRequests.RequestView> list(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return requests.of(id, actor);
    }

    @Post("/api/third-party-requests/{id}/verification")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Record how an assessor verified a signed report (PHONE, EMAIL, IN_PERSON or NOT_VERIFIED) and on which day")
    ReportRequests.RequestView verify(@PathVariable long id, @Body ReportRequests.VerificationBody body, @Parameter(hidden = true) Actor actor) {
        return requests.verify(id, body, actor);
    }

    @Get("/api/third-party/{token}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "The form a mailed link opens; opening it spends nothing")
    ReportSubmissions.Form form(@PathVariable String token) {
        return submissions.open(token);
    }

    @Post("/api/third-party/{token}/code")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Mail a six-digit code to the asked address (15 minutes); an earlier code stops working")
    HttpResponse<Void> code(@PathVariable String token) {
        submissions.sendCode(token);
        return HttpResponse.accepted();
    }

    @Post("/api/third-party/{token}/report")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Sign the report with the mailed code; answers its hash and where to verify it")
    ReportSubmissions.Receipt submit(HttpRequest<?> request, @PathVariable String token, @Body ReportSubmissions.ReportBody body) {
        return submissions.submit(token, body, proxies.resolve(request));
    }

    @Get("/third-party/verify/{hash}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Whether a receipt's hash is that of a report signed here")
    Verification verify(@PathVariable String hash) {
        return new Verification(hash, submissions.known(hash));
    }
}
