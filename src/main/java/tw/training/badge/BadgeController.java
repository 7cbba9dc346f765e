package tw.training.badge;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.json.JsonObject;
import tw.training.account.Actor;
import tw.training.problem.NotFoundException;

import java.util.List;

/** SPEC §12: a certificate as an Open Badges 3.0 credential; the issuer's key and each credential's status, public. */
@Controller
@Tag(name = "Open Badges 3.0")
class BadgeController {

    static final String LD_JSON = "application/ld+json";
    static final String VC_JWT = "application/vc+jwt";

    private final CredentialService credentials;

    BadgeController(CredentialService credentials) {
        this.credentials = credentials;
    }

    @Get("/api/certificates/{number}/credential")
    @Produces({LD_JSON, MediaType.APPLICATION_JSON, VC_JWT})
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "The certificate as a signed Open Badges 3.0 OpenBadgeCredential (Data Integrity eddsa-rdfc-2022); with Accept:"
            + " application/vc+jwt, the same credential as a VC-JWT (a compact JWS, EdDSA). Its learner, the course's trainers, admins")
    HttpResponse<String> credential(HttpRequest<?> request, @PathVariable String number, @Parameter(hidden = true) Actor actor) {
        boolean jwt = prefersJwt(request.getHeaders().accept());
        return jwt ? HttpResponse.ok(credentials.jwt(number, actor)).contentType(VC_JWT)
                : HttpResponse.ok(credentials.credential(number, actor).toString()).contentType(LD_JSON);
    }

    /**
     * Whether the client asked for the VC-JWT over the JSON-LD credential: {@code application/vc+jwt} with a quality above
     * every JSON-LD, JSON or wildcard type it also accepts ({@code Accept: application/ld+json, application/vc+jwt;q=0.5}
     * gets JSON-LD).
     */
    static boolean prefersJwt(List<MediaType> accepted) {
        double jwt = 0;
        double json = 0;
        for (MediaType type : accepted) {
            double quality = type.getQualityAsNumber().doubleValue();
            if (type.getName().equals(VC_JWT)) {
                jwt = Math.max(jwt, quality);
            } else if (List.of(LD_JSON, MediaType.APPLICATION_JSON, "application/*", "*/*").contains(type.getName())) {
                json = Math.max(json, quality);
            }
        }
        return jwt > 0 && jwt > json;
    }

    @Get(CredentialService.ISSUER_PATH)
    @Produces({LD_JSON, MediaType.APPLICATION_JSON})
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "The issuer's profile with its public key (Multikey): what verifiers resolve a credential's proof against")
    HttpResponse<String> issuer() {
        return HttpResponse.ok(credentials.issuerDocument().toString()).contentType(LD_JSON);
    }

    @Get(CredentialService.STATUS_LIST_PATH + "{list}")
    @Produces({LD_JSON, MediaType.APPLICATION_JSON})
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "A W3C Bitstring Status List credential (revocation), signed like the credentials: the bit at a credential's"
            + " statusListIndex is 1 once its certificate is revoked")
    HttpResponse<String> statusList(@PathVariable String list) {
        JsonObject credential = list.matches("\\d{1,12}") ? credentials.statusList(Long.parseLong(list)) : null;
        if (credential == null) {
            throw new NotFoundException("badge.no-status-list", list);
        }
        return HttpResponse.ok(credential.toString()).contentType(LD_JSON);
    }

    @Get(CredentialService.STATUS_PATH + "{token}")
    @Produces(MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "A credential's 1EdTech revocation list, for credentials handed out before the bitstring status lists: its id"
            + " listed once its certificate is revoked")
    HttpResponse<String> status(@PathVariable String token) {
        JsonObject status = credentials.status(token);
        if (status == null) {
            throw new NotFoundException("badge.no-credential-status", token);
        }
        return HttpResponse.ok(status.toString()).contentType(MediaType.APPLICATION_JSON);
    }
}
