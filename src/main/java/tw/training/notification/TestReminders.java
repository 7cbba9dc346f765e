package tw.training.notification;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.training.phrase.Phrase;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reminds each learner once, within the last 24 hours before a written test closes, that it closes — unless they have
 * already finished an attempt at it. The reminder's row is claimed in the transaction that writes it, so two instances,
 * or two runs, never remind twice.
 */
@Singleton
class TestReminders {

    static final Duration AHEAD = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(TestReminders.class);

    private final NotificationRepository rows;
    private final Notifier notifier;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    TestReminders(NotificationRepository rows, Notifier notifier, TransactionOperations<Connection> transactions, Clock clock) {
        this.rows = rows;
        this.notifier = notifier;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${app.notifications.reminders-every:10m}", initialDelay = "${app.notifications.reminders-every:10m}")
    void remindDue() {
        try {
            remind();
        } catch (RuntimeException e) {
            LOG.warn("Test reminders not written now ({}); tried again later", e.toString());
        }
    }

    /** Writes the reminders due now; answers how many. */
    int remind() {
        return transactions.executeWrite(status -> {
            Instant now = clock.instant();
            List<Notifier.Note> notes = new ArrayList<>();
            for (NotificationRepository.Closing due : rows.closing(now, now.plus(AHEAD))) {
                if (rows.claimReminder(due.testId(), due.learnerId(), now) == 1) {
                    notes.add(new Notifier.Note(due.learnerId(), NotificationKind.TEST_CLOSING, Phrase.of("notify.test-closing.title",
                            due.courseTitle(), due.title()), List.of(Phrase.of("notify.test.closes", due.closesAt())), "/tests/" + due.testId()));
                }
            }
            notifier.send(notes);
            return notes.size();
        });
    }
}
