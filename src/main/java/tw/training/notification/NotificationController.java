package tw.training.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.AccountHolder;
import tw.training.account.AccountService;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.phrase.Languages;
import tw.training.web.PlainText;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A user's notifications and how they are mailed, over the API; the digest's hour for administrators. */
@Controller
@PlainText
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Notifications")
class NotificationController {

    private final Notifications notifications;
    private final DigestHour hour;
    private final AccountService accounts;
    private final JudgementNotices judgements;

    NotificationController(Notifications notifications, DigestHour hour, AccountService accounts, JudgementNotices judgements) {
        this.notifications = notifications;
        this.judgements = judgements;
        this.hour = hour;
        this.accounts = accounts;
    }

    /** A notification in the words of the language the client asked for (Accept-Language; English by default). */
    @Serdeable
    record View(long id, NotificationKind kind, String title, List<String> lines, String link, Instant createdAt, boolean read) {

        static View of(Notifications.Shown shown, Locale locale) {
            return new View(shown.id(), shown.kind(), shown.title().in(locale), shown.lines().stream().map(line -> line.in(locale)).toList(),
                    shown.link(), shown.createdAt(), shown.read());
        }
    }

    @Serdeable
    record Listing(long unread, List<View> notifications) {
    }

    @Serdeable
    record Marked(int marked) {
    }

    @Serdeable
    record Hour(@Nullable Integer hour) {
    }

    @Get("/api/notifications{?before,limit}")
    @Operation(summary = "The caller's notifications, newest first (before: a notification id, for the next page; limit 1-100), in the language"
            + " of Accept-Language, and how many are unread")
    Listing list(HttpRequest<?> request, @Nullable @QueryValue Long before, @Nullable @QueryValue Integer limit, @Parameter(hidden = true) Actor actor) {
        Locale locale = locale(request);
        // what was just judged is told before the list is read
        judgements.catchUp();
        return new Listing(notifications.unread(actor.userId()), notifications.newest(actor, before, limit == null ? 50 : limit).stream()
                .map(shown -> View.of(shown, locale)).toList());
    }

    @Post("/api/notifications/{id}/read")
    @Operation(summary = "Marks one of the caller's notifications read")
    View read(HttpRequest<?> request, long id, @Parameter(hidden = true) Actor actor) {
        return View.of(notifications.open(id, actor), locale(request));
    }

    @Post("/api/notifications/read")
    @Operation(summary = "Marks every notification of the caller read")
    Marked readAll(@Parameter(hidden = true) Actor actor) {
        return new Marked(notifications.readAll(actor));
    }

    @Get("/api/notifications/preferences")
    @Operation(summary = "How each kind of notification the caller receives is mailed: IMMEDIATE, DIGEST or OFF")
    Map<String, String> preferences(@Parameter(hidden = true) Actor actor) {
        return names(notifications.choices(actor));
    }

    @Put("/api/notifications/preferences")
    @Operation(summary = "Sets how kinds are mailed ({\"EVIDENCE_JUDGED\": \"DIGEST\", …}); the kinds named only, every one checked before any is set")
    Map<String, String> choose(@Body Map<String, String> wanted, @Parameter(hidden = true) Actor actor) {
        return names(notifications.choose(actor, wanted));
    }

    @Serdeable
    record MailLanguage(@Nullable String language) {
    }

    @Get("/api/notifications/language")
    @Operation(summary = "The language the caller's mail is written in: zh-TW or en")
    MailLanguage language(@Parameter(hidden = true) Actor actor) {
        return new MailLanguage(accounts.holder(actor.userId()).map(AccountHolder::language).orElse(AccountService.LANGUAGES.get(0)));
    }

    @Put("/api/notifications/language")
    @Operation(summary = "Sets the language the caller's mail is written in: zh-TW or en (422 otherwise)")
    MailLanguage setLanguage(@Body MailLanguage wanted, @Parameter(hidden = true) Actor actor) {
        accounts.setLanguage(actor.userId(), wanted.language() == null ? "" : wanted.language());
        return language(actor);
    }

    @Get("/api/settings/digest-hour")
    @Secured(Roles.ADMIN)
    @Operation(summary = "The hour (0-23, Taipei time) the daily digests go out")
    Hour digestHour() {
        return new Hour(hour.value());
    }

    @Put("/api/settings/digest-hour")
    @Secured(Roles.ADMIN)
    @Operation(summary = "Sets the hour (0-23, Taipei time) the daily digests go out")
    Hour setDigestHour(@Body Hour wanted, @Parameter(hidden = true) Actor actor) {
        hour.set(wanted.hour() == null ? null : String.valueOf(wanted.hour()), actor);
        return digestHour();
    }

    private static Map<String, String> names(Map<NotificationKind, Delivery> choices) {
        Map<String, String> names = new LinkedHashMap<>();
        choices.forEach((kind, delivery) -> names.put(kind.name(), delivery.name()));
        return names;
    }

    private static Locale locale(HttpRequest<?> request) {
        return Languages.accepted(request.getHeaders().get("Accept-Language")).orElse(Locale.ENGLISH);
    }
}
