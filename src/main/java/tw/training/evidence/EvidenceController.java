package tw.training.evidence;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
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
import tw.training.metrics.BusinessMetrics;
import tw.training.evidence.storage.Staging;
import tw.training.problem.InvalidInputException;
import tw.training.problem.Text;
import tw.training.web.MultipartReader;

import java.io.IOException;
import java.io.InputStream;
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
    private final Staging staging;
    private final JsonMapper json;
    private final Submission.Limits limits;
    private final BusinessMetrics metrics;

    EvidenceController(EvidenceService evidence, Staging staging, JsonMapper json,
                       @ReadableBytes @Value("${app.evidence.max-file-size:100MB}") long maxFileSize,
                       @Value("${app.evidence.max-files:10}") int maxFiles, BusinessMetrics metrics) {
        this.evidence = evidence;
        this.staging = staging;
        this.json = json;
        this.limits = new Submission.Limits(maxFileSize, maxFiles);
        this.metrics = metrics;
    }

    @Post(value = "/api/enrollments/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Submit evidence: a part 'metadata' (JSON {method, title, description, indicators}) and zero or more parts 'file'",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
                    schema = @Schema(implementation = SubmissionParts.class))))
    @Status(HttpStatus.CREATED)
    HttpResponse<Views.Evidence> submit(@PathVariable long id, HttpRequest<?> request, @Parameter(hidden = true) Actor actor) throws IOException {
        String boundary = MultipartReader.boundaryOf(request.getHeaders().get(HttpHeaders.CONTENT_TYPE))
                .orElseThrow(() -> InvalidInputException.of("Content-Type", "multipart/form-data needs a boundary"));
        // the body is read here, as a stream, part by part: Micronaut's own binding would hold a file in memory
        // when it comes before the part a route waits for
        try (InputStream body = ((ServerHttpRequest<?>) request).byteBody().toInputStream()) {
            Submission submission = Submission.read(new MultipartReader(body, boundary), staging, limits,
                    metadata -> evidence.check(id, metadata(metadata), actor));
            Views.Evidence submitted = evidence.submit(id, submission.claim(), submission.files());
            metrics.evidenceSubmitted();
            return HttpResponse.created(submitted, URI.create("/api/evidence/" + submitted.id()));
        }
    }

    /** The parts of a submission, for the OpenAPI document only: the body is read by {@link MultipartReader}. */
    @Schema(name = "EvidenceSubmission")
    record SubmissionParts(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "JSON {method, title, description, indicators: [\"KPS5294-001v4:P2.3.1\", …]}") String metadata,
            @ArraySchema(schema = @Schema(type = "string", format = "binary"), arraySchema = @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED))
            @Nullable List<String> file) {
    }

    private Views.SubmitMetadata metadata(@Nullable String metadata) {
        if (metadata == null || metadata.isBlank()) {
            throw InvalidInputException.of("metadata", "the part 'metadata' is empty");
        }
        Views.SubmitMetadata read;
        try {
            read = json.readValue(metadata, Views.SubmitMetadata.class);
        } catch (IOException | RuntimeException e) {
            read = null;
        }
        if (read == null) {
            throw InvalidInputException.of("metadata", "metadata must be a JSON object {method, title, description, indicators}");
        }
        Text.requirePlain("metadata", read);
        return read;
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
    HttpResponse<?> download(@PathVariable long id, @PathVariable long fileId,
                             @Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch, @Parameter(hidden = true) Actor actor) throws IOException {
        EvidenceService.Download download = evidence.download(id, fileId, actor);
        Views.File file = download.file();
        String etag = "\"" + file.sha256() + "\"";
        if (etag.equals(ifNoneMatch)) {
            return HttpResponse.notModified().header(HttpHeaders.ETAG, etag);
        }
        return HttpResponse.ok(new StreamedFile(download.open(), MediaType.of(file.contentType()), -1, file.size()))
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(file.filename()))
                .header(HttpHeaders.ETAG, etag)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Post("/api/evidence/{id}/withdrawal")
    @Operation(summary = "The learner withdraws evidence nobody has judged yet")
    Views.Evidence withdraw(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return evidence.withdraw(id, actor);
    }

    /** RFC 6266 / 5987: an ASCII fallback for old clients and the exact UTF-8 name for the rest. */
    static String contentDisposition(String filename) {
        String fallback = filename.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
