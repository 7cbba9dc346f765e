package tw.training.certificate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.printing.Format;
import tw.training.page.Pages;

import java.util.EnumSet;
import java.util.Map;

/**
 * SPEC §6: the public verification page the QR code leads to. HTML for people (the default: a phone opening
 * the link), a page in the site's layout and the visitor's language; JSON for programs that ask for it. Unknown tokens (numbers among them) answer UNKNOWN, not an
 * error: that is the answer.
 */
@Controller
@Tag(name = "certificates")
class VerificationController {

    private final CertificateService certificates;
    private final Pages pages;

    VerificationController(CertificateService certificates, Pages pages) {
        this.certificates = certificates;
        this.pages = pages;
    }

    @Get("/verify/{token}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(summary = "Whether the certificate of a verification token is valid, revoked or unknown; nothing private")
    HttpResponse<?> verify(HttpRequest<?> request, @PathVariable String token, @Header(HttpHeaders.ACCEPT) @Nullable String accept) {
        Verification verification = certificates.verify(token);
        if (Format.wanted(accept, EnumSet.of(Format.JSON, Format.HTML), Format.HTML) == Format.JSON) {
            return HttpResponse.ok(verification).contentType(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return pages.render(request, "verify.ftlh", Map.of("verification", verification));
    }
}
