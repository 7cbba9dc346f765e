package tw.training.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Roles;

import java.util.List;

/** The mail outbox for administrators: what waits, what went, what the server refused. */
@Controller("/api/mail/messages")
@Secured(Roles.ADMIN)
@Tag(name = "Mail")
class OutboxController {

    private final Outbox outbox;

    OutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    @Serdeable
    record Listing(boolean sending, long waiting, long refused, List<MailView> messages) {
    }

    @Get("{?state,before,size}")
    @Operation(summary = "The newest messages first: state WAITING, SENT or REFUSED; before a message id, for the next page; size 1-200."
            + " sending tells whether mail is sent at all (APP_MAIL_ENABLED)")
    Listing list(@Nullable @QueryValue String state, @Nullable @QueryValue Long before, @Nullable @QueryValue Integer size) {
        List<MailView> messages = outbox.newest(state, before, size == null ? 50 : size).stream().map(m -> MailView.of(m, false)).toList();
        return new Listing(outbox.sending(), outbox.waiting(), outbox.refused(), messages);
    }

    @Get("/{id}")
    @Operation(summary = "One message with its plain text (empty once sent, for a message that carried a one-time link)")
    MailView get(long id) {
        return MailView.of(outbox.get(id), true);
    }

    @Post("/{id}/retry")
    @Operation(summary = "Tries a message the server refused again; 409 for one that was not refused")
    MailView retry(long id) {
        return MailView.of(outbox.retry(id), true);
    }
}
