package tw.training.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import tw.training.account.AccountService;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.certificate.AwaitingIssue;
import tw.training.certificate.CertificateService;
import tw.training.page.Pages;

import java.util.List;
import java.util.Map;

/**
 * The administrator's landing page: who has an account (per role), and which courses have learners who completed and
 * wait for their certificate, each a link to where it is issued. An administrator signs in to this, not to a trainer's
 * list of courses.
 */
@Hidden
@Controller("/admin")
@Produces(MediaType.TEXT_HTML)
@Secured(Roles.ADMIN)
class OverviewPages {

    private final AccountService accounts;
    private final CertificateService certificates;
    private final Pages pages;

    OverviewPages(AccountService accounts, CertificateService certificates, Pages pages) {
        this.accounts = accounts;
        this.certificates = certificates;
        this.pages = pages;
    }

    @Get
    HttpResponse<String> overview(HttpRequest<?> request, Actor actor) {
        List<AwaitingIssue> awaiting = certificates.awaitingIssue(actor);
        return pages.render(request, "overview.ftlh", Map.of("roles", accounts.enabledByRole(), "awaiting", awaiting,
                "awaitingTotal", awaiting.stream().mapToLong(AwaitingIssue::awaiting).sum()));
    }
}
