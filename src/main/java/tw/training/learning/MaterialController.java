package tw.training.learning;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.web.PlainText;
import tw.training.account.Roles;
import tw.training.evidence.FileResponse;
import tw.training.evidence.storage.StagedFile;
import tw.training.evidence.storage.Staging;
import tw.training.problem.InvalidInputException;
import tw.training.problem.PayloadTooLargeException;
import tw.training.web.MultipartReader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** SPEC §11: a module's materials, their files (with byte ranges), and a learner's "done". */
@PlainText
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "learning")
class MaterialController {

    private static final int MAX_TITLE_BYTES = 4 * 1024;

    private final MaterialService materials;
    private final Staging staging;

    MaterialController(MaterialService materials, Staging staging) {
        this.materials = materials;
        this.staging = staging;
    }

    @Get("/api/courses/{id}/modules/{moduleId}/materials")
    @Operation(summary = "A module's materials in order: for the course's trainers and admins, and learners enrolled on that module's revision")
    List<MaterialViews.Material> ofModule(@PathVariable long id, @PathVariable long moduleId, @Parameter(hidden = true) Actor actor) {
        return materials.ofModule(id, moduleId, actor);
    }

    @Post(value = "/api/courses/{id}/modules/{moduleId}/materials", consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a lesson ({kind: LESSON, title, markdown}) or a link ({kind: LINK, title, url}) at the end of the module of the draft")
    @Secured({Roles.TRAINER, Roles.ADMIN})
    @Status(HttpStatus.CREATED)
    HttpResponse<MaterialViews.Material> add(@PathVariable long id, @PathVariable long moduleId, @Body MaterialViews.NewMaterial request,
                                             @Parameter(hidden = true) Actor actor) {
        return created(materials.add(id, moduleId, request, actor));
    }

    @Post(value = "/api/courses/{id}/modules/{moduleId}/materials", consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Add a file (PDF, slides, audio, video): a part 'file' and, optionally, a part 'title'; streamed, checked, stored")
    @Secured({Roles.TRAINER, Roles.ADMIN})
    @Status(HttpStatus.CREATED)
    HttpResponse<MaterialViews.Material> addFile(@PathVariable long id, @PathVariable long moduleId, HttpRequest<?> request,
                                                 @Parameter(hidden = true) Actor actor) throws IOException {
        materials.requireAuthor(id, moduleId, actor);
        String boundary = MultipartReader.boundaryOf(request.getHeaders().get(HttpHeaders.CONTENT_TYPE))
                .orElseThrow(() -> InvalidInputException.of("Content-Type", "learning.multipart-form-data-needs-boundary"));
        String title = null;
        StagedFile file = null;
        try (InputStream body = ((ServerHttpRequest<?>) request).byteBody().toInputStream()) {
            MultipartReader parts = new MultipartReader(body, boundary);
            for (Optional<MultipartReader.Part> next = parts.next(); next.isPresent(); next = parts.next()) {
                MultipartReader.Part part = next.get();
                switch (part.name()) {
                    case "title" -> title = part.text(MAX_TITLE_BYTES);
                    case "file" -> {
                        if (file != null) {
                            throw InvalidInputException.of("file", "learning.material-one-file");
                        }
                        if (part.filename() == null || part.filename().isBlank()) {
                            throw InvalidInputException.of("file", "learning.part-file-needs-file-name");
                        }
                        file = staging.stage(part.content(), part.filename(), materials.maxFileSize(), "file");
                    }
                    default -> throw InvalidInputException.of(part.name().length() > 40 ? part.name().substring(0, 40) : part.name(),
                            "learning.unknown-part-send-file-optionally");
                }
            }
            if (file == null) {
                throw InvalidInputException.of("file", "learning.send-material-as-part-file");
            }
            return created(materials.addFile(id, moduleId, title, file, actor));
        } catch (MultipartReader.BodyInterruptedException e) {
            throw InvalidInputException.of("body", "learning.upload-was-interrupted-before-it");
        } catch (ContentLengthExceededException e) {
            throw new PayloadTooLargeException("web.body-too-large");
        } finally {
            if (file != null) {
                Staging.discard(file);
            }
        }
    }

    @Get("/api/materials/{materialId}")
    @Operation(summary = "A material: a lesson with its Markdown and sanitized HTML, a link, or a file's record")
    MaterialViews.Material get(@PathVariable long materialId, @Parameter(hidden = true) Actor actor) {
        return materials.get(materialId, actor);
    }

    @Put("/api/materials/{materialId}")
    @Operation(summary = "Change a material's title, text or URL, or its position (1 first); a published one changes in the course's draft")
    @Secured({Roles.TRAINER, Roles.ADMIN})
    MaterialViews.Material change(@PathVariable long materialId, @Body MaterialViews.Change request, @Parameter(hidden = true) Actor actor) {
        return materials.change(materialId, request, actor);
    }

    @Delete("/api/materials/{materialId}")
    @Operation(summary = "Remove a material from the course's draft")
    @Secured({Roles.TRAINER, Roles.ADMIN})
    @Status(HttpStatus.NO_CONTENT)
    void remove(@PathVariable long materialId, @Parameter(hidden = true) Actor actor) {
        materials.remove(materialId, actor);
    }

    @Get("/api/materials/{materialId}/file")
    @Operation(summary = "A file material's bytes; a single Range is answered with 206 (seeking in a video), one outside the file with 416")
    HttpResponse<?> file(HttpRequest<?> request, @PathVariable long materialId, @Parameter(hidden = true) Actor actor) throws IOException {
        return FileResponse.of(materials.download(materialId, actor), request.getHeaders(), true);
    }

    @Post("/api/materials/{materialId}/done")
    @Operation(summary = "The learner studied the material (a page reports a video once it was watched to the end); the first time counts")
    MaterialViews.Done done(@PathVariable long materialId, @Parameter(hidden = true) Actor actor) {
        return materials.done(materialId, actor);
    }

    private static HttpResponse<MaterialViews.Material> created(MaterialViews.Material material) {
        return HttpResponse.created(material, URI.create("/api/materials/" + material.id()));
    }
}
