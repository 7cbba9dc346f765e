package tw.training.evidence;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.evidence.storage.StagedFile;
import tw.training.evidence.storage.Staging;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** SPEC §4: submitting evidence, reading it, its files, withdrawing it. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "evidence")
class EvidenceController {

    private final EvidenceService evidence;
    private final Staging staging;
    private final JsonMapper json;
    private final long maxFileSize;
    private final int maxFiles;

    EvidenceController(EvidenceService evidence, Staging staging, JsonMapper json,
                       @ReadableBytes @Value("${app.evidence.max-file-size:100MB}") long maxFileSize,
                       @Value("${app.evidence.max-files:10}") int maxFiles) {
        this.evidence = evidence;
        this.staging = staging;
        this.json = json;
        this.maxFileSize = maxFileSize;
        this.maxFiles = maxFiles;
    }

    @Post(value = "/api/enrollments/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "Submit evidence: a part 'metadata' (JSON {method, title, description, indicators}) and zero or more parts 'file'")
    HttpResponse<Views.Evidence> submit(@PathVariable long id, @Body MultipartBody body, Actor actor) throws IOException {
        List<CompletedPart> parts = Parts.collect(body, maxFiles + 1);
        List<StagedFile> staged = new ArrayList<>();
        List<CompletedFileUpload> read = new ArrayList<>();
        try {
            Views.SubmitMetadata metadata = metadata(parts);
            EvidenceService.Claim claim = evidence.check(id, metadata, actor);
            for (CompletedPart part : parts) {
                if (part instanceof CompletedFileUpload upload) {
                    read.add(upload);
                    try (InputStream in = upload.getInputStream()) {
                        staged.add(staging.stage(in, upload.getFilename(), maxFileSize));
                    }
                }
            }
            Views.Evidence submitted = evidence.submit(id, claim, staged);
            return HttpResponse.created(submitted, URI.create("/api/evidence/" + submitted.id()));
        } finally {
            staged.forEach(Staging::discard);
            // reading a part releases its disk file; parts a refusal left unread are released here
            parts.stream().filter(part -> part instanceof CompletedFileUpload && !read.contains(part))
                    .forEach(part -> ((CompletedFileUpload) part).discard());
        }
    }

    private Views.SubmitMetadata metadata(List<CompletedPart> parts) {
        List<InputError> errors = new ArrayList<>();
        Views.SubmitMetadata metadata = null;
        for (CompletedPart part : parts) {
            if ("metadata".equals(part.getName())) {
                try {
                    metadata = json.readValue(part.getBytes(), Views.SubmitMetadata.class);
                } catch (IOException | RuntimeException e) {
                    errors.add(InputError.field("metadata", "metadata must be JSON {method, title, description, indicators}"));
                }
            } else if (!"file".equals(part.getName()) || !(part instanceof CompletedFileUpload)) {
                errors.add(InputError.field(part.getName(), "unexpected part '" + part.getName() + "'; send 'metadata' and 'file' parts"));
            }
        }
        if (metadata == null && errors.isEmpty()) {
            errors.add(InputError.field("metadata", "the part 'metadata' is missing"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The submission cannot be read", errors);
        }
        return metadata;
    }

    @Get("/api/evidence/{id}")
    @Operation(summary = "A piece of evidence with its files and the history of its judgements")
    Views.Evidence get(@PathVariable long id, Actor actor) {
        return evidence.get(id, actor);
    }

    @Get("/api/evidence/{id}/files/{fileId}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "The file's bytes, with its type, its UTF-8 file name and its SHA-256 as ETag")
    HttpResponse<?> download(@PathVariable long id, @PathVariable long fileId,
                             @Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch, Actor actor) throws IOException {
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
    Views.Evidence withdraw(@PathVariable long id, Actor actor) {
        return evidence.withdraw(id, actor);
    }

    /** RFC 6266 / 5987: an ASCII fallback for old clients and the exact UTF-8 name for the rest. */
    static String contentDisposition(String filename) {
        String fallback = filename.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
