package tw.training.notification;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.training.address.PublicUrl;
import tw.training.mail.Letter;
import tw.training.mail.Mailbox;
import tw.training.phrase.Phrase;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The day's digest: from the hour the administrator set (Taipei time), each person with something to be told gets one
 * message that day, whatever the number of events — their notifications mailed by digest, and for trainers the evidence
 * waiting in their courses (count per course, the oldest waiting since), for administrators the learners ready for a
 * certificate. The day's row in {@code mail_digest} is claimed in the digest's own transaction, so two instances, or a
 * second run, never send a person two digests in a day. People with nothing to be told get nothing.
 */
@Singleton
class DigestSender {

    private static final Logger LOG = LoggerFactory.getLogger(DigestSender.class);
    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    private final NotificationRepository rows;
    private final Notifier notifier;
    private final Mailbox mailbox;
    private final Unsubscribe unsubscribe;
    private final DigestHour hour;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final String home;

    /** Asked for only when digests are written: a command of the jar makes this bean and needs nothing the log needs. */
    private final Provider<JudgementNotices> judgements;

    DigestSender(NotificationRepository rows, Notifier notifier, Mailbox mailbox, Unsubscribe unsubscribe, DigestHour hour,
                 TransactionOperations<Connection> transactions, Clock clock, PublicUrl publicUrl, Provider<JudgementNotices> judgements) {
        this.judgements = judgements;
        this.rows = rows;
        this.notifier = notifier;
        this.mailbox = mailbox;
        this.unsubscribe = unsubscribe;
        this.hour = hour;
        this.transactions = transactions;
        this.clock = clock;
        this.home = publicUrl.value();
    }

    @Scheduled(fixedDelay = "${app.notifications.digest-every:5m}", initialDelay = "${app.notifications.digest-every:5m}")
    void sendDue() {
        try {
            ZonedDateTime now = clock.instant().atZone(TAIPEI);
            if (now.getHour() >= hour.value()) {
                int sent = send(now.toLocalDate());
                if (sent > 0) {
                    LOG.info("{} digests of {} written to the outbox", sent, now.toLocalDate());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Digests not written now ({}); tried again later", e.toString());
        }
    }

    /** Writes the day's digests not yet written, with what was judged until now; answers how many. */
    int send(LocalDate day) {
        judgements.get().catchUp();
        Set<Long> done = new HashSet<>(transactions.executeRead(status -> rows.digestedOn(day)));
        Map<Long, List<NotificationRepository.Awaiting>> awaiting = new HashMap<>();
        List<NotificationRepository.Ready> ready = new ArrayList<>();
        Set<Long> candidates = new LinkedHashSet<>();
        List<Long> administrators = transactions.executeRead(status -> {
            rows.awaiting().forEach(a -> awaiting.computeIfAbsent(a.trainerId(), id -> new ArrayList<>()).add(a));
            ready.addAll(rows.ready());
            candidates.addAll(rows.withUndigested());
            return ready.isEmpty() ? List.<Long>of() : rows.administrators();
        });
        candidates.addAll(awaiting.keySet());
        candidates.addAll(administrators);
        candidates.removeAll(done);
        int sent = 0;
        for (long userId : candidates) {
            List<NotificationRepository.Ready> theirs = administrators.contains(userId) ? ready : List.of();
            sent += transactions.executeWrite(status -> digest(userId, day, awaiting.getOrDefault(userId, List.of()), theirs));
        }
        return sent;
    }

    private int digest(long userId, LocalDate day, List<NotificationRepository.Awaiting> awaiting, List<NotificationRepository.Ready> ready) {
        List<NotificationRepository.Recipient> found = rows.recipients(List.of(userId));
        if (found.isEmpty()) {
            return 0;
        }
        NotificationRepository.Recipient recipient = found.get(0);
        Map<String, Delivery> chosen = new HashMap<>();
        rows.choices(List.of(userId)).forEach(choice -> chosen.put(choice.kind(), choice.delivery()));
        boolean tellAwaiting = chosen.getOrDefault(NotificationKind.EVIDENCE_AWAITING.name(), Delivery.DIGEST) != Delivery.OFF;
        boolean tellReady = chosen.getOrDefault(NotificationKind.READY_FOR_CERTIFICATE.name(), Delivery.DIGEST) != Delivery.OFF;
        List<Notification> undigested = rows.undigested(userId);
        List<NotificationRepository.Awaiting> waiting = tellAwaiting ? awaiting : List.of();
        List<NotificationRepository.Ready> toCertify = tellReady ? ready : List.of();
        if (undigested.isEmpty() && waiting.isEmpty() && toCertify.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        if (rows.claimDigest(userId, day, now) == 0) {
            return 0;
        }
        Locale locale = Mailbox.locale(recipient.language());
        Map<String, Object> model = new HashMap<>();
        model.put("name", recipient.displayName());
        model.put("day", day.toString());
        model.put("notes", undigested.stream().map(note -> Map.of("title", notifier.title(note).in(locale),
                "lines", notifier.lines(note.body()).stream().map(line -> line.in(locale)).toList(), "link", home + note.link())).toList());
        model.put("awaiting", waiting.stream().map(a -> Map.of("text", Phrase.of("mail.digest.awaiting", a.code(), a.title(), a.pieces(), a.oldest())
                .in(locale), "link", home + "/courses/" + a.courseId() + "/queue")).toList());
        model.put("ready", toCertify.stream().map(r -> Map.of("text", Phrase.of("mail.digest.ready", r.code(), r.title(), r.learners()).in(locale),
                "link", home + "/courses/" + r.courseId() + "/certificates")).toList());
        mailbox.post(new Letter("DIGEST", userId, recipient.email(), recipient.language(), "digest", Phrase.of("mail.digest.subject", day.toString()),
                model, home + "/notifications", unsubscribe.link(userId, Unsubscribe.DIGEST), false));
        if (!undigested.isEmpty()) {
            rows.digested(undigested.stream().map(Notification::id).toList(), now);
        }
        return 1;
    }
}
