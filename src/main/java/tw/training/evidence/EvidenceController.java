package tw.training.evidence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.web.MultipartReader;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** SPEC §4: submitting evidence, reading it, its files, withdrawing it. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "evidence")
class EvidenceController {

    private final EvidenceService evidence;
    private final EvidenceIntake intake;
    private final JsonMapper json;

    EvidenceController(EvidenceService evidence, EvidenceIntake intake, JsonMapper json) {
        this.evidence = evidence;
        this.intake = intake;
        this.json = json;
    }

    @Post(value = "/api/enrollments/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Submit evidence: a part 'metadata' (JSON {method, title, description, indicators}) and zero or more parts 'file'",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
                    schema = @Schema(implementation = SubmissionParts.class))))
    @Status(HttpStatus.CREATED)
    HttpResponse<Views.Evidence> submit(@PathVariable long id, HttpRequest<?> request, @Parameter(hidden = true) Actor actor) throws IOException {
        EvidenceService.Received received = intake.receive(id, request, new MetadataPart(json, metadata -> evidence.check(id, metadata, actor)));
        Views.Evidence submitted = received.evidence();
        // the same one-time key again: the piece stored the first time, 200 instead of 201
        return received.repeated() ? HttpResponse.ok(submitted).header("Location", "/api/evidence/" + submitted.id())
                : HttpResponse.created(submitted, URI.create("/api/evidence/" + submitted.id()));
    }

    /** The parts of a submission, for the OpenAPI document only: the body is read by {@link MultipartReader}. */
    @Schema(name = "EvidenceSubmission")
    record SubmissionParts(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "JSON {method, title, description, indicators: [\"KPS5294-001v4:P2.3.1\", …]}") String metadata,
            @ArraySchema(schema = @Schema(type = "string", format = "binary"), arraySchema = @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED))
            @Nullable List<String> file) {
    }

    @Get("/api/enrollments/{id}/evidence")
    @Operation(summary = "The evidence of an enrollment, oldest first: for its learner, the course's trainers and admins")
    List<Views.Evidence> ofEnrollment(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return evidence.ofEnrollment(id, actor);
    }

    @Get("/api/me/evidence")
    @Operation(summary = "The signed-in learner's own evidence in every course, oldest first")
    List<Views.Evidence> mine(@Parameter(hidden = true) Actor actor) {
        return evidence.mine(actor);
    }

    @Get("/api/evidence/{id}")
    @Operation(summary = "A piece of evidence with its files and the history of its judgements")
    Views.Evidence get(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return evidence.get(id, actor);
    }

    @Get("/api/evidence/{id}/files/{fileId}")
    @Operation(summary = "The file's bytes, with its type, its UTF-8 file name and its SHA-256 as ETag")
    HttpResponse<?> download(HttpRequest<?> request, @PathVariable long id, @PathVariable long fileId, @Parameter(hidden = true) Actor actor)
            throws IOException {
        return FileResponse.of(evidence.download(id, fileId, actor), request.getHeaders(), false);
    }

    @Post("/api/evidence/{id}/withdrawal")
    @Operation(summary = "The learner withdraws evidence nobody has judged yet")
    Views.Evidence withdraw(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return evidence.withdraw(id, actor);
    }
}
