package tw.training.catalogue;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.HttpHeaders;
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
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import tw.training.account.Roles;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.DocumentKind;
import tw.training.page.Csrf;
import tw.training.page.Messages;
import tw.training.page.PageRequests;
import tw.training.page.Pages;
import tw.training.problem.ConflictException;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.problem.PayloadTooLargeException;
import tw.training.web.MultipartReader;
import tw.training.web.PlainText;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
     * The form posted as multipart: its CSRF token first, then a model's code, then the file, read up to the
     * document limit (a document is parsed whole, as {@code POST /api/standards} reads it).
     */
    @Post(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> importDocument(HttpRequest<?> request) throws IOException {
        String boundary = MultipartReader.boundaryOf(request.getHeaders().get(HttpHeaders.CONTENT_TYPE))
                .orElseThrow(() -> InvalidInputException.of("file", "send the form as multipart/form-data"));
        String code = "";
        byte[] document = null;
        Messages messages = Pages.messages(request);
        try (InputStream body = ((ServerHttpRequest<?>) request).byteBody().toInputStream()) {
            MultipartReader parts = new MultipartReader(body, boundary);
            Optional<MultipartReader.Part> first = parts.next();
            Csrf.require(request, first.filter(part -> part.name().equals(Csrf.FIELD)).map(CataloguePages::field).orElse(null));
            for (Optional<MultipartReader.Part> part = parts.next(); part.isPresent(); part = parts.next()) {
                switch (part.get().name()) {
                    case "code" -> code = part.get().text(FIELD_BYTES).strip();
                    case "file" -> document = bounded(part.get().content(), code, messages);
                    default -> part.get().content().transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
        } catch (PayloadTooLargeException tooLarge) {
            return importPage(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, code, Map.of("file", tooLarge.getMessage()));
        }
        if (document == null || document.length == 0) {
            return importPage(request, HttpStatus.UNPROCESSABLE_ENTITY, code, Map.of("file", messages.get("import.error.noFile")));
        }
        try {
            ImportResult result = catalogue.importDocument(DocumentText.decode(document), code.isEmpty() ? null : code);
            return pages.render(request, result.outcome() == ImportOutcome.IMPORTED ? HttpStatus.CREATED : HttpStatus.OK, "import-result.ftlh",
                    Map.of("result", result));
        } catch (InvalidInputException refused) {
            if (PageRequests.isScripted(request)) {
                throw refused;
            }
            return importPage(request, HttpStatus.UNPROCESSABLE_ENTITY, code, Map.of("file", refused.getMessage()), refused.errors());
        } catch (ConflictException taken) {
            return importPage(request, HttpStatus.CONFLICT, code, Map.of("file", taken.getMessage()));
        }
    }

    private byte[] bounded(InputStream content, String code, Messages messages) throws IOException {
        byte[] bytes = content.readNBytes((int) maxDocumentBytes + 1);
        if (bytes.length > maxDocumentBytes) {
            throw new PayloadTooLargeException(messages.get("import.error.tooLarge", PayloadTooLargeException.size(maxDocumentBytes)));
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
        return pages.render(request, "document.ftlh", Map.of("document", document, "view", DocumentView.of(document)));
    }

    private static String field(MultipartReader.Part part) {
        try {
            return part.text(FIELD_BYTES);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
