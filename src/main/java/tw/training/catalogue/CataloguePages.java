package tw.training.catalogue;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import tw.training.account.Roles;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.DocumentKind;
import tw.training.page.MultipartForm;
import tw.training.page.Messages;
import tw.training.page.PageRequests;
import tw.training.page.FieldErrors;
import tw.training.page.Pages;
import tw.training.problem.ConflictException;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.problem.PayloadTooLargeException;
import tw.training.web.PlainText;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue for trainers and administrators: the documents, searched by code, name, task titles and indicator
 * texts; one document as the official text lays it out; importing one from its {@code .txt} file, with the importer's
 * warnings, or why it was refused.
 */
@Hidden
@PlainText
@Controller("/catalogue")
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Secured({Roles.TRAINER, Roles.ADMIN})
class CataloguePages {

    /** A form field (the CSRF token, a model's code) is a few dozen bytes. */
    private static final int FIELD_BYTES = 200;

    private final CatalogueService catalogue;
    private final Pages pages;
    private final long maxDocumentBytes;

    CataloguePages(CatalogueService catalogue, Pages pages,
                   @ReadableBytes @Value("${app.catalogue.max-document-size:1MB}") long maxDocumentBytes) {
        this.catalogue = catalogue;
        this.pages = pages;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    @Get("{?kind,q}")
    HttpResponse<String> list(HttpRequest<?> request, @Nullable @QueryValue String kind, @Nullable @QueryValue String q) {
        DocumentKind chosen = Arrays.stream(DocumentKind.values()).filter(k -> k.name().equals(kind)).findFirst().orElse(null);
        Map<String, Object> model = new HashMap<>();
        model.put("documents", catalogue.list(chosen, q == null || q.isBlank() ? null : q.strip()));
        model.put("kinds", DocumentKind.values());
        model.put("chosen", Map.of("kind", chosen == null ? "" : chosen.name(), "q", q == null ? "" : q));
        // htmx asks for the table alone as the search changes
        return pages.render(request, request.getHeaders().contains("HX-Request") ? "catalogue-list.ftlh" : "catalogue.ftlh", model);
    }

    @Get("/import")
    HttpResponse<String> importForm(HttpRequest<?> request) {
        return importPage(request, HttpStatus.OK, "", Map.of());
    }

    /**
     * The form posted as multipart ({@link MultipartForm}: its CSRF token first), then a model's code, then the file,
     * read up to the document limit (a document is parsed whole, as {@code POST /api/standards} reads it).
     */
    @Post(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> importDocument(HttpRequest<?> request) throws IOException {
        Upload upload = new Upload();
        Messages messages = Pages.messages(request);
        try {
            MultipartForm.read(request, part -> {
                switch (part.name()) {
                    case "code" -> upload.code = part.text(FIELD_BYTES).strip();
                    case "file" -> upload.document = bounded(part.content(), messages);
                    default -> { }
                }
            });
        } catch (PayloadTooLargeException tooLarge) {
            return importPage(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, upload.code, Map.of("file", FieldErrors.of(tooLarge, request)));
        }
        if (upload.document == null || upload.document.length == 0) {
            return importPage(request, HttpStatus.UNPROCESSABLE_ENTITY, upload.code, Map.of("file", messages.get("import.error.noFile")));
        }
        try {
            ImportResult result = catalogue.importDocument(DocumentText.decode(upload.document), upload.code.isEmpty() ? null : upload.code);
            return pages.render(request, result.outcome() == ImportOutcome.IMPORTED ? HttpStatus.CREATED : HttpStatus.OK, "import-result.ftlh",
                    Map.of("result", result));
        } catch (InvalidInputException refused) {
            if (PageRequests.isScripted(request)) {
                throw refused;
            }
            return importPage(request, HttpStatus.UNPROCESSABLE_ENTITY, upload.code, Map.of("file", FieldErrors.of(refused, request)), refused.errors());
        } catch (ConflictException taken) {
            return importPage(request, HttpStatus.CONFLICT, upload.code, Map.of("file", FieldErrors.of(taken, request)));
        }
    }

    /** What the import form sent, as its parts are read. */
    private static final class Upload {
        private String code = "";
        private byte[] document;
    }

    private byte[] bounded(InputStream content, Messages messages) throws IOException {
        byte[] bytes = content.readNBytes((int) maxDocumentBytes + 1);
        if (bytes.length > maxDocumentBytes) {
            throw new PayloadTooLargeException("catalogue.document-too-large", PayloadTooLargeException.size(maxDocumentBytes));
        }
        return bytes;
    }

    private MutableHttpResponse<String> importPage(HttpRequest<?> request, HttpStatus status, String code, Map<String, String> errors) {
        return importPage(request, status, code, errors, List.of());
    }

    private MutableHttpResponse<String> importPage(HttpRequest<?> request, HttpStatus status, String code, Map<String, String> errors,
                                                   List<InputError> lines) {
        Map<String, Object> model = new HashMap<>();
        model.put("code", code);
        model.put("errors", errors);
        model.put("lines", lines);
        model.put("maxSize", PayloadTooLargeException.size(maxDocumentBytes));
        return pages.render(request, status, "import.ftlh", model);
    }

    @Get("/{code}")
    HttpResponse<String> document(HttpRequest<?> request, @PathVariable String code) {
        CompetencyDocument document = catalogue.get(code);
        return pages.render(request, "document.ftlh", Map.of("document", document, "view", DocumentView.of(document),
                "family", catalogue.versions(document.code())));
    }

}
