package tw.training.catalogue;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Roles;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.DocumentKind;
import tw.training.problem.InvalidInputException;
import tw.training.problem.PayloadTooLargeException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/** SPEC §2: the catalogue API. */
@Controller("/api/standards")
@Tag(name = "catalogue", description = "iCAP standards, models and units")
class CatalogueController {

    private final CatalogueService catalogue;
    private final long maxDocumentBytes;

    CatalogueController(CatalogueService catalogue,
                        @ReadableBytes @Value("${app.catalogue.max-document-size:1MB}") long maxDocumentBytes) {
        this.catalogue = catalogue;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "List the catalogue, optionally by kind and by a search over code, name, task titles and indicator texts")
    List<StandardSummary> list(@QueryValue @Nullable String kind, @QueryValue @Nullable String q) {
        return catalogue.list(kind(kind), q);
    }

    @Get("/{code}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "The whole document")
    CompetencyDocument get(@PathVariable String code) {
        return catalogue.get(code);
    }

    @Get("/{code}/versions")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "The versions of the document's family in the catalogue (same code but for its vN), newest first: each current,"
            + " or superseded by the next version")
    List<FamilyMember> versions(@PathVariable String code) {
        return catalogue.versions(code);
    }

    @Post
    @Secured({Roles.TRAINER, Roles.ADMIN})
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Import a document from its UTF-8 text; ?code= names a model, whose text carries no code",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.TEXT_PLAIN)))
    @ApiResponse(responseCode = "201", description = "Imported: the document is new to the catalogue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @ApiResponse(responseCode = "200", description = "The same content was already there under that code: nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    HttpResponse<ImportResult> importDocument(HttpRequest<?> request, @QueryValue @Nullable String code) throws IOException {
        ImportResult result = catalogue.importDocument(DocumentText.decode(body(request)), code);
        URI location = URI.create("/api/standards/" + result.code());
        return result.outcome() == ImportOutcome.IMPORTED
                ? HttpResponse.created(result, location)
                : HttpResponse.ok(result).header("Location", location.toString());
    }

    /** The document's bytes, refused past the limit before they are all read: the body is never buffered whole. */
    private byte[] body(HttpRequest<?> request) throws IOException {
        ByteBody body = ((ServerHttpRequest<?>) request).byteBody();
        if (body.expectedLength().orElse(0) > maxDocumentBytes) {
            throw tooLarge();
        }
        try (InputStream in = body.toInputStream()) {
            byte[] bytes = in.readNBytes((int) maxDocumentBytes + 1);
            if (bytes.length > maxDocumentBytes) {
                throw tooLarge();
            }
            if (bytes.length == 0) {
                throw InvalidInputException.of("body", "catalogue.body-empty-send-document-s");
            }
            return bytes;
        }
    }

    private PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("catalogue.document-most-app-catalogue-max", PayloadTooLargeException.size(maxDocumentBytes));
    }

    private static DocumentKind kind(@Nullable String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return DocumentKind.valueOf(kind.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("kind", "catalogue.kind-must-one", Arrays.toString(DocumentKind.values()));
        }
    }
}
