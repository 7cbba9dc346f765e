package tw.training.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.problem.ConflictException;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The outbox as administrators read it: the newest messages, one message whole, and a refused one tried again. */
@Singleton
public class Outbox {

    private static final int MAX_PAGE = 200;

    private final MailRepository mails;
    private final Clock clock;
    private final boolean enabled;

    Outbox(MailRepository mails, Clock clock, @io.micronaut.context.annotation.Value("${app.mail.enabled:false}") boolean enabled) {
        this.mails = mails;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** Whether messages are sent at all ({@code APP_MAIL_ENABLED}); if not, they wait here to be read. */
    public boolean sending() {
        return enabled;
    }

    /** Up to {@code size} messages, newest first, in {@code state} when given, older than the message {@code before} when given. */
    @ReadOnly
    public List<MailMessage> newest(@Nullable String state, @Nullable Long before, int size) {
        if (size < 1 || size > MAX_PAGE) {
            throw InvalidInputException.of("size", "mail.size-must-between", MAX_PAGE);
        }
        String wanted = state == null || state.isBlank() ? null : state.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && Arrays.stream(MailState.values()).noneMatch(known -> known.name().equals(wanted))) {
            throw InvalidInputException.of("state", "mail.state-must-one", List.of(MailState.values()));
        }
        return mails.newest(wanted, before == null ? Long.MAX_VALUE : before, size);
    }

    @ReadOnly
    public MailMessage get(long id) {
        return mails.findById(id).orElseThrow(() -> new NotFoundException("mail.not-found", id));
    }

    /** Tries a refused message again from now; only a refused one can be. */
    @Transactional
    public MailMessage retry(long id) {
        MailMessage message = get(id);
        if (mails.retry(id, clock.instant()) == 0) {
            throw new ConflictException("mail.retry-only-refused", message.state());
        }
        return get(id);
    }

    @ReadOnly
    public long waiting() {
        return mails.waitingCount();
    }

    @ReadOnly
    public long refused() {
        return mails.refusedCount();
    }
}
