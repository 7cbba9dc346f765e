package tw.training.certificate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.metrics.BusinessMetrics;
import tw.training.printing.Format;
import tw.training.web.PlainText;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** SPEC §6: issuing, showing (JSON, HTML, PDF) and revoking certificates. */
@PlainText
@Controller
@Tag(name = "certificates")
class CertificateController {

    private static final String HTML_UTF8 = MediaType.TEXT_HTML + ";charset=UTF-8";

    private final CertificateService certificates;
    private final CertificatePrint print;

    private final BusinessMetrics metrics;

    CertificateController(CertificateService certificates, CertificatePrint print, BusinessMetrics metrics) {
        this.certificates = certificates;
        this.print = print;
        this.metrics = metrics;
    }

    @Serdeable
    record Revocation(@Nullable String reason) {
    }

    @Post("/api/enrollments/{id}/certificate")
    @Secured(Roles.ADMIN)
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Issue the certificate of a complete enrollment (409 if it has one, 422 if it is not complete)")
    CertificateView issue(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        CertificateView issued = certificates.issue(id, actor);
        metrics.certificateIssued();
        return issued;
    }

    @Get("/api/certificates")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "The signed-in learner's own certificates; with courseId, every certificate of the course (its trainers, admins)")
    List<CertificateView> list(@QueryValue @Nullable Long courseId, @Parameter(hidden = true) Actor actor) {
        return courseId == null ? certificates.mine(actor) : certificates.ofCourse(courseId, actor);
    }

    @Get("/api/certificates/{number}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, "application/pdf"})
    @Operation(summary = "A certificate (its learner, the course's trainers, admins); Accept: text/html or application/pdf to print it")
    HttpResponse<?> get(@PathVariable String number, @Header(HttpHeaders.ACCEPT) @Nullable String accept, @Parameter(hidden = true) Actor actor) {
        CertificateView certificate = certificates.get(number, actor);
        return switch (Format.wanted(accept, EnumSet.of(Format.JSON, Format.HTML, Format.PDF), Format.JSON)) {
            case PDF -> CertificatePrint.pdfResponse(print.pdf(certificate), certificate);
            case HTML -> HttpResponse.ok(print.html(certificate)).contentType(HTML_UTF8);
            default -> HttpResponse.ok(certificate).contentType(MediaType.APPLICATION_JSON_TYPE);
        };
    }

    @Post("/api/certificates/{number}/revocation")
    @Secured(Roles.ADMIN)
    @Operation(summary = "Revoke a certificate with a reason (409 if it already is)")
    CertificateView revoke(@PathVariable String number, @Body Revocation revocation, @Parameter(hidden = true) Actor actor) {
        return certificates.revoke(number, revocation.reason(), actor);
    }
}
