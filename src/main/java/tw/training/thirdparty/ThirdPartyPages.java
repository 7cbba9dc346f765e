package tw.training.thirdparty;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import tw.training.page.Form;
import tw.training.page.Language;
import tw.training.page.Messages;
import tw.training.page.Pages;
import tw.training.problem.InvalidInputException;
import tw.training.problem.TooManyRequestsException;
import tw.training.web.PlainText;
import tw.training.web.TrustedProxies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The page a mailed link opens for the person asked for a report, who has no account: in the language the requester
 * chose for them (theirs to switch), the form, a button that mails the code, and the signing. One form carries both
 * buttons, so that asking for a code after filling it in loses nothing; a refusal shows the form again as filled.
 * A used or expired link answers the 410 page, which says which.
 */
@Hidden
@PlainText
@Controller
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Secured(SecurityRule.IS_ANONYMOUS)
class ThirdPartyPages {

    private final ReportSubmissions submissions;
    private final Pages pages;
    private final TrustedProxies proxies;

    ThirdPartyPages(ReportSubmissions submissions, Pages pages, TrustedProxies proxies) {
        this.submissions = submissions;
        this.pages = pages;
        this.proxies = proxies;
    }

    @Get("/third-party/{token}")
    HttpResponse<String> form(HttpRequest<?> request, @PathVariable String token) {
        return formPage(request, HttpStatus.OK, token, submissions.open(token), Map.of(), Map.of(), false);
    }

    /** {@code action} is {@code code} (mail a code, keep what was typed) or {@code sign}. */
    @Post(value = "/third-party/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> send(HttpRequest<?> request, @PathVariable String token, @Body @Nullable String body) {
        Form form = Form.of(body).checked(request);
        ReportSubmissions.Form asked = submissions.open(token);
        Messages words = new Messages(Language.chosen(request).orElse(language(asked)));
        try {
            if ("code".equals(form.get("action"))) {
                submissions.sendCode(token);
                return formPage(request, HttpStatus.OK, token, asked, Map.of(), form.sent(), true);
            }
            ReportSubmissions.Receipt receipt = submissions.submit(token, body(form, asked), proxies.resolve(request));
            return pages.renderFor(request, HttpStatus.CREATED, "third-party-receipt.ftlh", Map.of("receipt", receipt, "asked", asked),
                    language(asked));
        } catch (InvalidInputException refused) {
            Map<String, String> errors = new HashMap<>();
            refused.errors().forEach(error -> errors.merge(String.valueOf(error.field()), words.say(error.phrase()),
                    (a, b) -> a + words.get("list.faults") + b));
            errors.put("form", words.say(refused.phrase()));
            return formPage(request, HttpStatus.UNPROCESSABLE_ENTITY, token, asked, errors, form.sent(), false);
        } catch (TooManyRequestsException throttled) {
            return formPage(request, HttpStatus.TOO_MANY_REQUESTS, token, asked, Map.of("form", words.say(throttled.phrase())), form.sent(), false);
        }
    }

    /** The form's fields as the API's body: per indicator {@code observed:<id>} and {@code examples:<id>}. */
    private static ReportSubmissions.ReportBody body(Form form, ReportSubmissions.Form asked) {
        List<ReportSubmissions.Answer> answers = new ArrayList<>();
        for (ReportSubmissions.Asked indicator : asked.indicators()) {
            answers.add(new ReportSubmissions.Answer(indicator.id(), form.get("observed:" + indicator.id()), form.get("examples:" + indicator.id())));
        }
        Integer months;
        try {
            months = form.get("monthsSupervised").isEmpty() ? null : Integer.valueOf(form.get("monthsSupervised"));
        } catch (NumberFormatException e) {
            months = -1;
        }
        return new ReportSubmissions.ReportBody(form.get("code"), answers, form.get("period"), form.get("place"), months,
                ticked(form, "firstHand"), ticked(form, "noConflict"), ticked(form, "mayContact"), form.get("signedName"), ticked(form, "intent"));
    }

    private static boolean ticked(Form form, String name) {
        return "yes".equals(form.get(name));
    }

    private MutableHttpResponse<String> formPage(HttpRequest<?> request, HttpStatus status, String token, ReportSubmissions.Form asked,
                                                 Map<String, String> errors, Map<String, List<String>> sent, boolean codeSent) {
        Map<String, Object> model = new HashMap<>();
        model.put("token", token);
        model.put("asked", asked);
        model.put("errors", errors);
        model.put("sent", sent);
        model.put("codeSent", codeSent);
        model.put("observations", List.of("CONSISTENTLY", "SOMETIMES", "NOT_OBSERVED"));
        return pages.renderFor(request, status, "third-party.ftlh", model, language(asked));
    }

    private static Language language(ReportSubmissions.Form asked) {
        return Language.ofTag(asked.language()).orElse(Language.ZH_TW);
    }
}
