package tw.training.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.account.Actor;
import tw.training.phrase.Phrase;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A user's own notifications and choices: listed, opened (read), chosen per kind, stopped from a mailed link. */
@Singleton
public class Notifications {

    private static final int MAX_PAGE = 100;

    private final NotificationRepository rows;
    private final Notifier notifier;
    private final Unsubscribe unsubscribe;
    private final Clock clock;

    Notifications(NotificationRepository rows, Notifier notifier, Unsubscribe unsubscribe, Clock clock) {
        this.rows = rows;
        this.notifier = notifier;
        this.unsubscribe = unsubscribe;
        this.clock = clock;
    }

    /** A notification as shown: its words are phrases, said in the reader's language. */
    public record Shown(long id, NotificationKind kind, Phrase title, List<Phrase> lines, String link, Instant createdAt, boolean read) {
    }

    @ReadOnly
    public List<Shown> newest(Actor actor, @Nullable Long before, int size) {
        if (size < 1 || size > MAX_PAGE) {
            throw InvalidInputException.of("limit", "notify.limit-between", MAX_PAGE);
        }
        return rows.newest(actor.userId(), before == null ? Long.MAX_VALUE : before, size).stream().map(this::shown).toList();
    }

    @ReadOnly
    public long unread(long userId) {
        return rows.unread(userId);
    }

    /** Marks one of the user's notifications read, answering it; another user's does not exist for them. */
    @Transactional
    public Shown open(long id, Actor actor) {
        Notification notification = rows.findById(id).filter(n -> n.userId() == actor.userId())
                .orElseThrow(() -> new NotFoundException("notify.not-found", id));
        rows.markRead(id, actor.userId(), clock.instant());
        return shown(rows.findById(id).orElse(notification));
    }

    @Transactional
    public int readAll(Actor actor) {
        return rows.markAllRead(actor.userId(), clock.instant());
    }

    /** The kinds the user receives and how each is mailed now, in the order of {@link NotificationKind}. */
    @ReadOnly
    public Map<NotificationKind, Delivery> choices(Actor actor) {
        Map<String, Delivery> chosen = new HashMap<>();
        rows.choices(List.of(actor.userId())).forEach(choice -> chosen.put(choice.kind(), choice.delivery()));
        Map<NotificationKind, Delivery> choices = new LinkedHashMap<>();
        NotificationKind.forRoles(Set.copyOf(actor.roles())).forEach(kind -> choices.put(kind, chosen.getOrDefault(kind.name(), kind.byDefault)));
        return choices;
    }

    /** Sets how each named kind is mailed; every kind and value is checked before any is set. */
    @Transactional
    public Map<NotificationKind, Delivery> choose(Actor actor, Map<String, String> wanted) {
        List<tw.training.problem.InputError> errors = new ArrayList<>();
        Map<NotificationKind, Delivery> valid = new LinkedHashMap<>();
        List<NotificationKind> theirs = NotificationKind.forRoles(Set.copyOf(actor.roles()));
        wanted.forEach((name, value) -> {
            NotificationKind kind = Arrays.stream(NotificationKind.values()).filter(k -> k.name().equals(name)).findFirst().orElse(null);
            Delivery delivery = Arrays.stream(Delivery.values()).filter(d -> d.name().equals(String.valueOf(value).toUpperCase(Locale.ROOT)))
                    .findFirst().orElse(null);
            if (kind == null || !theirs.contains(kind)) {
                errors.add(tw.training.problem.InputError.field(name, "notify.kind-not-yours", theirs));
            } else if (delivery == null || !kind.choices().contains(delivery)) {
                errors.add(tw.training.problem.InputError.field(name, "notify.delivery-must-one", kind.choices()));
            } else {
                valid.put(kind, delivery);
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("notify.choices-not-saved"), errors);
        }
        valid.forEach((kind, delivery) -> set(actor.userId(), kind.name(), delivery));
        return choices(actor);
    }

    /** Whether an unsubscribe link is one this server mailed: a kind it knows, signed for the user. Changes nothing. */
    @ReadOnly
    public boolean validUnsubscribe(long userId, String kind, String signature) {
        boolean known = Unsubscribe.DIGEST.equals(kind) || Arrays.stream(NotificationKind.values()).anyMatch(k -> k.name().equals(kind));
        return known && unsubscribe.valid(userId, kind, signature);
    }

    /**
     * Stops a kind (or, for the digest, every kind mailed by digest) from a mailed link; true when the link is the
     * user's. Needs no sign-in: the link's signature is the proof.
     */
    @Transactional
    public boolean unsubscribe(long userId, String kind, String signature) {
        if (!validUnsubscribe(userId, kind, signature)) {
            return false;
        }
        if (Unsubscribe.DIGEST.equals(kind)) {
            Map<String, Delivery> chosen = new HashMap<>();
            rows.choices(List.of(userId)).forEach(choice -> chosen.put(choice.kind(), choice.delivery()));
            for (NotificationKind each : NotificationKind.values()) {
                if (chosen.getOrDefault(each.name(), each.byDefault) == Delivery.DIGEST) {
                    set(userId, each.name(), Delivery.OFF);
                }
            }
        } else if (Arrays.stream(NotificationKind.values()).anyMatch(k -> k.name().equals(kind))) {
            set(userId, kind, Delivery.OFF);
        } else {
            return false;
        }
        return true;
    }

    private void set(long userId, String kind, Delivery delivery) {
        rows.choose(userId, kind, delivery.name());
    }

    private Shown shown(Notification n) {
        return new Shown(n.id(), n.kind(), notifier.title(n), notifier.lines(n.body()), n.link(), n.createdAt(), n.readAt() != null);
    }
}
