package tw.training.ims;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.catalogue.ImportOutcome;
import tw.training.catalogue.ImportResult;
import tw.training.problem.InvalidInputException;
import tw.training.problem.PayloadTooLargeException;
import tw.training.problem.Text;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * SPEC §12: {@code POST /api/standards} also takes a CASE 1.1 CFPackage ({@code application/json}), built elsewhere or
 * exported here, filed under {@code ?code=} (or the package's own code when it came from here). Imported as a text is:
 * all or nothing, the same content under the same code again changes nothing, other content under a taken code is 409.
 */
@Controller
@Secured({Roles.TRAINER, Roles.ADMIN})
@Tag(name = "CASE 1.1")
class CaseImportController {

    private final CaseImport imports;
    private final JsonMapper json;
    private final long maxBytes;

    CaseImportController(CaseImport imports, JsonMapper json, @ReadableBytes @Value("${app.case.max-package-size:5MB}") long maxBytes) {
        this.imports = imports;
        this.json = json;
        this.maxBytes = maxBytes;
    }

    @Post("/api/standards")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a CASE 1.1 CFPackage as a catalogue document, filed under ?code= (the package's own code when exported here);"
            + " its exactMatchOf / replacedBy / isRelatedTo associations from the items of the version it revises, when that version is here,"
            + " become a PROPOSED crosswalk")
    @ApiResponse(responseCode = "201", description = "Imported: the framework is new to the catalogue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @ApiResponse(responseCode = "200", description = "The same package was already there under that code: nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    HttpResponse<ImportResult> importPackage(HttpRequest<?> request, @QueryValue @Nullable String code, @Parameter(hidden = true) Actor actor)
            throws IOException {
        String text = utf8(body(request));
        Map<String, Object> cfPackage;
        try {
            cfPackage = json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "the body is not JSON");
        }
        if (cfPackage == null) {
            throw InvalidInputException.of("body", "ims.send-cfpackage-object");
        }
        Text.requirePlain("", cfPackage);
        ImportResult result = imports.importPackage(cfPackage, code, text, actor);
        URI location = URI.create("/api/standards/" + result.code());
        return result.outcome() == ImportOutcome.IMPORTED ? HttpResponse.created(result, location)
                : HttpResponse.ok(result).header("Location", location.toString());
    }

    /** The package's bytes, refused past the limit before they are all read. */
    private byte[] body(HttpRequest<?> request) throws IOException {
        try (InputStream in = ((ServerHttpRequest<?>) request).byteBody().toInputStream()) {
            byte[] bytes = in.readNBytes((int) maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new PayloadTooLargeException("ims.case-package-most-app-case", PayloadTooLargeException.size(maxBytes));
            }
            if (bytes.length == 0) {
                throw InvalidInputException.of("body", "ims.body-empty-send-cfpackage");
            }
            return bytes;
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidInputException.of("body", "ims.package-not-utf");
        }
    }
}
