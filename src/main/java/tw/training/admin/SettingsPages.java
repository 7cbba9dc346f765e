package tw.training.admin;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.evidence.storage.StagedFile;
import tw.training.evidence.storage.Staging;
import tw.training.ims.CaseAccess;
import tw.training.notification.DigestHour;
import tw.training.page.FieldErrors;
import tw.training.page.Form;
import tw.training.page.MultipartForm;
import tw.training.page.Pages;
import tw.training.sso.PasswordFormSetting;
import tw.training.problem.DomainException;
import tw.training.problem.InvalidInputException;
import tw.training.provider.TrainingProvider;
import tw.training.web.PlainText;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The administrator's settings page: the training provider its certificates name (name, signatory, logo), and who
 * may read the CASE provider. A refused form shows the page again with what was typed and the fault beside its field.
 */
@Hidden
@PlainText
@Controller("/admin/settings")
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Secured(Roles.ADMIN)
class SettingsPages {

    private final CaseAccess access;
    private final TrainingProvider provider;
    private final Staging staging;
    private final Pages pages;
    private final DigestHour digestHour;

    private final PasswordFormSetting passwordForm;

    SettingsPages(CaseAccess access, TrainingProvider provider, Staging staging, Pages pages, DigestHour digestHour,
                  PasswordFormSetting passwordForm) {
        this.passwordForm = passwordForm;
        this.digestHour = digestHour;
        this.access = access;
        this.provider = provider;
        this.staging = staging;
        this.pages = pages;
    }

    @Get("{?saved}")
    HttpResponse<String> settings(HttpRequest<?> request, @Nullable @QueryValue String saved) {
        return page(request, HttpStatus.OK, saved != null, null, Map.of(), null);
    }

    /** {@code caseRead}: {@code anyone}, {@code signed-in}, or {@code configured} (follow the configuration). */
    @Post(value = "/case-public-read", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> changeCaseAccess(HttpRequest<?> request, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        Boolean publicRead;
        switch (form.get("caseRead")) {
            case "anyone" -> publicRead = true;
            case "signed-in" -> publicRead = false;
            case "configured" -> publicRead = null;
            default -> {
                return page(request, HttpStatus.UNPROCESSABLE_ENTITY, false, "caseRead", Map.of(), null);
            }
        }
        access.set(publicRead, actor);
        return Pages.redirect("/admin/settings?saved");
    }

    /** The hour (Taipei time) the daily digests go out. */
    @Post(value = "/digest-hour", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> changeDigestHour(HttpRequest<?> request, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        try {
            digestHour.set(form.get("digestHour"), actor);
            return Pages.redirect("/admin/settings?saved#digest-title");
        } catch (InvalidInputException refused) {
            return page(request, HttpStatus.UNPROCESSABLE_ENTITY, false, null, FieldErrors.of(refused, "digestHour", request), null);
        }
    }

    /** Whether the sign-in page shows the password form under the institutions' buttons: {@code shown}, {@code hidden} or {@code configured}. */
    @Post(value = "/password-form", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> changePasswordForm(HttpRequest<?> request, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        Boolean shown;
        switch (form.get("passwordForm")) {
            case "shown" -> shown = true;
            case "hidden" -> shown = false;
            case "configured" -> shown = null;
            default -> {
                return page(request, HttpStatus.UNPROCESSABLE_ENTITY, false, null,
                        Map.of("passwordForm", Pages.messages(request).get("settings.passwordForm.choose")), null);
            }
        }
        passwordForm.set(shown, actor);
        return Pages.redirect("/admin/settings?saved#password-form-title");
    }

    /** The provider's name (blank: the configured one) and its signatory's name and title. */
    @Post(value = "/provider", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> changeProvider(HttpRequest<?> request, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        try {
            provider.change(form.get("name"), form.get("signatoryName"), form.get("signatoryTitle"), actor);
            return Pages.redirect("/admin/settings?saved#provider");
        } catch (InvalidInputException refused) {
            return page(request, HttpStatus.UNPROCESSABLE_ENTITY, false, null, FieldErrors.of(refused, "name", request),
                    Map.of("name", form.get("name"), "signatoryName", form.get("signatoryName"), "signatoryTitle", form.get("signatoryTitle")));
        }
    }

    /** A new logo, streamed like every upload: the token first, then the image (PNG or JPEG, at most a megabyte). */
    @Post(value = "/provider/logo", consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> changeLogo(HttpRequest<?> request, Actor actor) throws IOException {
        StagedFile[] file = {null};
        try {
            MultipartForm.read(request, part -> {
                if (part.name().equals("logo") && part.filename() != null && !part.filename().isBlank() && file[0] == null) {
                    file[0] = staging.stage(part.content(), part.filename(), TrainingProvider.MAX_LOGO_BYTES, "logo");
                }
            });
            if (file[0] == null) {
                throw InvalidInputException.of("logo", "admin.choose-image");
            }
            provider.changeLogo(file[0], actor);
            return Pages.redirect("/admin/settings?saved#provider");
        } catch (DomainException refused) {
            return page(request, HttpStatus.UNPROCESSABLE_ENTITY, false, null, FieldErrors.of(refused, "logo", request), null);
        } finally {
            if (file[0] != null) {
                Staging.discard(file[0]);
            }
        }
    }

    @Post(value = "/provider/logo/removal", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> removeLogo(HttpRequest<?> request, @Body @Nullable String body, Actor actor) {
        Form.of(body).checked(request);
        provider.removeLogo(actor);
        return Pages.redirect("/admin/settings?saved#provider");
    }

    /**
     * @param caseFault  the CASE form's field at fault, if it was refused
     * @param errors     the provider forms' faults by field
     * @param typed      the provider form as typed, when it was refused; else the form shows the provider as it is
     */
    private MutableHttpResponse<String> page(HttpRequest<?> request, HttpStatus status, boolean saved, @Nullable String caseFault,
                                             Map<String, String> errors, @Nullable Map<String, String> typed) {
        CaseAccess.View view = access.view();
        TrainingProvider.Identity identity = provider.identity();
        Map<String, Object> model = new HashMap<>();
        model.put("caseRead", view);
        model.put("caseChoice", view.setByAdministrator() == null ? "configured" : view.setByAdministrator() ? "anyone" : "signed-in");
        model.put("saved", saved);
        model.put("fault", caseFault == null ? "" : caseFault);
        model.put("provider", identity);
        model.put("errors", errors);
        model.put("digestHour", digestHour.value());
        model.put("passwordFormShown", passwordForm.shown());
        model.put("typed", typed != null ? typed : Map.of("name", identity.nameSet() ? identity.name() : "",
                "signatoryName", identity.signatoryName() == null ? "" : identity.signatoryName(),
                "signatoryTitle", identity.signatoryTitle() == null ? "" : identity.signatoryTitle()));
        return pages.render(request, status, "settings.ftlh", model);
    }
}
