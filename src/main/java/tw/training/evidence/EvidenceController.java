package tw.training.evidence;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.multipart.StreamingFileUpload;
import org.reactivestreams.Publisher;
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
import tw.training.problem.InvalidInputException;
import tw.training.problem.PayloadTooLargeException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    @Operation(summary = "Submit evidence: a part 'metadata' (JSON {method, title, description, indicators}) first, then zero or more parts 'file'")
    HttpResponse<Views.Evidence> submit(@PathVariable long id, @Part("metadata") @Nullable String metadata,
                                        @Part("file") @Nullable Publisher<StreamingFileUpload> files, Actor actor) throws IOException {
        EvidenceService.Claim claim = evidence.check(id, metadata(metadata), actor);
        List<Path> reserved = new ArrayList<>();
        List<StagedFile> staged = new ArrayList<>();
        try {
            if (files != null) {
                Uploads.each(files, (upload, index) -> {
                    if (index >= maxFiles) {
                        throw new PayloadTooLargeException("at most " + maxFiles + " files per piece of evidence");
                    }
                    Staging.Sink sink = staging.open();
                    reserved.add(sink.path());
                    try (sink) {
                        // the part streams to the staging file as it arrives, hashed on the way; never whole in memory
                        Uploads.await(upload.transferTo(sink));
                    }
                    staged.add(sink.finish(upload.getFilename(), maxFileSize));
                });
            }
            Views.Evidence submitted = evidence.submit(id, claim, staged);
            return HttpResponse.created(submitted, URI.create("/api/evidence/" + submitted.id()));
        } finally {
            for (Path path : reserved) {
                Files.deleteIfExists(path);
            }
        }
    }

    private Views.SubmitMetadata metadata(@Nullable String metadata) {
        if (metadata == null || metadata.isBlank()) {
            throw InvalidInputException.of("metadata", "the part 'metadata' is missing; send it before the files");
        }
        try {
            return json.readValue(metadata, Views.SubmitMetadata.class);
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.of("metadata", "metadata must be JSON {method, title, description, indicators}");
        }
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
