package tw.training.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.page.FieldErrors;
import tw.training.page.Form;
import tw.training.page.MultipartForm;
import tw.training.page.Pages;
import tw.training.problem.ConflictException;
import tw.training.problem.DomainException;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.problem.PayloadTooLargeException;
import tw.training.web.PlainText;
import tw.training.web.TextUpload;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Accounts from a file, for administrators: upload, see every row with what will happen and every fault in the page's
 * language, then import all of them or the valid ones. The preview carries the file's text back in its form, so
 * nothing is kept between the two steps; sending the import twice creates nobody twice (the usernames are then taken).
 */
@Hidden
@PlainText
@Controller("/admin/users/import")
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Secured(Roles.ADMIN)
class AccountImportPages {

    private final AccountImport accountImport;
    private final Pages pages;

    AccountImportPages(AccountImport accountImport, Pages pages) {
        this.accountImport = accountImport;
        this.pages = pages;
    }

    @Get
    HttpResponse<String> form(HttpRequest<?> request) {
        return page(request, HttpStatus.OK, null, null, null);
    }

    /** The file, read as the API reads one (UTF-8 or Big5, bounded), checked and shown; nothing written. */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<String> preview(HttpRequest<?> request, Actor actor) throws IOException {
        AtomicReference<String> csv = new AtomicReference<>();
        try {
            MultipartForm.read(request, part -> {
                if (part.name().equals("file") && csv.get() == null) {
                    csv.set(TextUpload.decode(TextUpload.bounded(part.content(), "the file"), TextUpload.charsetOf(part.contentType())));
                }
            });
            if (csv.get() == null) {
                throw InvalidInputException.of("file", "onboarding.file-empty");
            }
            return page(request, HttpStatus.OK, csv.get(), accountImport.run(csv.get(), AccountImport.Mode.PREVIEW, actor), null);
        } catch (InvalidInputException | PayloadTooLargeException refused) {
            return page(request, refused instanceof PayloadTooLargeException ? HttpStatus.REQUEST_ENTITY_TOO_LARGE : HttpStatus.UNPROCESSABLE_ENTITY,
                    null, null, refused);
        }
    }

    /** The previewed text imported, every row or the valid ones. */
    @Post(value = "/run", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<String> run(HttpRequest<?> request, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        String csv = form.get("csv");
        try {
            if (csv.length() > TextUpload.MAX_BYTES) {
                throw new PayloadTooLargeException("web.larger-than", "the file", PayloadTooLargeException.size(TextUpload.MAX_BYTES));
            }
            AccountImport.Mode mode = "valid".equals(form.get("mode")) ? AccountImport.Mode.VALID : AccountImport.Mode.ALL;
            AccountImportReport report = accountImport.run(csv, mode, actor);
            return page(request, HttpStatus.OK, null, report, null);
        } catch (InvalidInputException | ConflictException | PayloadTooLargeException refused) {
            // the rows as they stand now, beside the refusal: the form to put it right stays on the page
            AccountImportReport now = refused instanceof PayloadTooLargeException ? null : previewQuietly(csv, actor);
            return page(request, refused instanceof ConflictException ? HttpStatus.CONFLICT
                    : refused instanceof PayloadTooLargeException ? HttpStatus.REQUEST_ENTITY_TOO_LARGE : HttpStatus.UNPROCESSABLE_ENTITY,
                    now == null ? null : csv, now, refused);
        }
    }

    private @Nullable AccountImportReport previewQuietly(String csv, Actor actor) {
        try {
            return accountImport.run(csv, AccountImport.Mode.PREVIEW, actor);
        } catch (DomainException unreadable) {
            return null;
        }
    }

    private MutableHttpResponse<String> page(HttpRequest<?> request, HttpStatus status, @Nullable String csv, @Nullable AccountImportReport report,
                                             @Nullable DomainException refused) {
        Map<String, Object> model = new HashMap<>();
        model.put("csv", csv == null ? "" : csv);
        if (report != null) {
            model.put("report", report);
        }
        if (refused != null) {
            model.put("error", FieldErrors.of(refused, request));
            List<InputError> lines = refused instanceof InvalidInputException invalid ? invalid.errors() : List.of();
            model.put("lines", report == null ? lines : List.of());
        } else {
            model.put("lines", List.of());
        }
        return pages.render(request, status, "users-import.ftlh", model);
    }
}
