package tw.training.onboarding;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.training.account.AccountHolder;
import tw.training.account.AccountService;
import tw.training.account.audit.SecurityAudit;
import tw.training.account.audit.SecurityEventType;
import tw.training.account.throttle.TokenBucket;
import tw.training.address.PublicUrl;
import tw.training.mail.Letter;
import tw.training.mail.Mailbox;
import tw.training.phrase.Addresses;
import tw.training.phrase.Phrase;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A forgotten password: whoever gives an account's e-mail address (or username) gets the same answer, in the same time,
 * whether such an account exists or not. The answer waits for nothing but the throttles: looking the address up,
 * issuing the token and writing the mail happen afterwards (a fifth of a second later, by default) on a worker of
 * their own. A crash in between loses that request; the person asks again. Throttled per address and per
 * source (in each instance's memory), so nobody can flood an inbox or probe addresses quickly. The link works once, for
 * {@link #VALID_FOR}; a reset ends every session and token of the user, and tells them by mail.
 */
@Singleton
public class PasswordRecovery {

    static final Duration VALID_FOR = Duration.ofMinutes(30);
    static final String KIND = "PASSWORD_RESET";
    static final String CHANGED_KIND = "PASSWORD_CHANGED";
    private static final Logger LOG = LoggerFactory.getLogger(PasswordRecovery.class);
    private static final int MAX_ADDRESS = 320;
    private static final int MAX_KEYS = 10_000;

    private final OneTimeTokens tokens;
    private final AccountService accounts;
    private final Mailbox mailbox;
    private final SecurityAudit audit;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final String home;
    private final int perAddress;
    private final Duration perAddressPeriod;
    private final int perSource;
    private final Duration perSourcePeriod;
    private final Map<String, TokenBucket> addresses = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> sources = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    /**
     * One worker, after a short delay: the answer leaves before any of the work begins, so the work for a known address
     * (a token, a mail) cannot slow its own answer and tell it apart; a flood past the throttles is dropped, not held.
     */
    private final ScheduledThreadPoolExecutor worker = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "password-recovery");
        thread.setDaemon(true);
        return thread;
    });
    private static final int MAX_WAITING = 1000;
    private final Duration delay;

    PasswordRecovery(OneTimeTokens tokens, AccountService accounts, Mailbox mailbox, SecurityAudit audit,
                     TransactionOperations<Connection> transactions, Clock clock, PublicUrl publicUrl,
                     @Value("${app.password-reset.per-address:3}") int perAddress,
                     @Value("${app.password-reset.per-address-period:1h}") Duration perAddressPeriod,
                     @Value("${app.password-reset.per-source:10}") int perSource,
                     @Value("${app.password-reset.per-source-period:15m}") Duration perSourcePeriod,
                     @Value("${app.password-reset.delay:200ms}") Duration delay) {
        this.delay = delay;
        this.tokens = tokens;
        this.accounts = accounts;
        this.mailbox = mailbox;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.home = publicUrl.value();
        this.perAddress = perAddress;
        this.perAddressPeriod = perAddressPeriod;
        this.perSource = perSource;
        this.perSourcePeriod = perSourcePeriod;
    }

    /**
     * Asks for a reset link for the accounts reached at {@code address}; answers how long to wait when throttled. The
     * answer is the same for an address no account has.
     */
    public Optional<Duration> ask(String address, String source) {
        String wanted = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty() || wanted.length() > MAX_ADDRESS) {
            throw InvalidInputException.of("address", "onboarding.no-address");
        }
        Instant now = clock.instant();
        Optional<Duration> wait = bucket(sources, source, perSource, perSourcePeriod, now).take(now)
                .or(() -> bucket(addresses, wanted, perAddress, perAddressPeriod, now).take(now));
        if (wait.isPresent()) {
            return wait;
        }
        if (worker.getQueue().size() >= MAX_WAITING) {
            LOG.warn("Password reset requests arrive faster than they are written; one was dropped");
            return Optional.empty();
        }
        pending.incrementAndGet();
        try {
            worker.schedule(() -> {
                try {
                    transactions.executeWrite(status -> {
                        mailLinks(wanted, source);
                        return null;
                    });
                } catch (RuntimeException e) {
                    LOG.warn("A password reset asked for was not written ({}); the user may ask again", e.toString());
                } finally {
                    pending.decrementAndGet();
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            pending.decrementAndGet();
        }
        return Optional.empty();
    }

    private TokenBucket bucket(Map<String, TokenBucket> buckets, String key, int limit, Duration period, Instant now) {
        if (buckets.size() > MAX_KEYS) {
            buckets.values().removeIf(bucket -> bucket.isIdle(now));
        }
        return buckets.computeIfAbsent(key, k -> new TokenBucket(limit, period, now));
    }

    private void mailLinks(String address, String source) {
        // a user who signs in through their institution only has no password here to reset: they are sent nothing
        for (AccountHolder holder : accounts.reachedAt(address).stream().filter(holder -> !holder.ssoOnly()).toList()) {
            OneTimeTokens.Issued issued = tokens.issue(holder.userId(), TokenPurpose.PASSWORD_RESET, VALID_FOR);
            mailbox.post(new Letter(KIND, holder.userId(), holder.email(), holder.language(), "password-reset",
                    Phrase.of("mail.reset.subject"), Map.of("name", holder.displayName(), "username", holder.username(),
                    "expires", issued.expiresAt()), home + "/password/reset/" + issued.token(), null, true));
            audit.record(SecurityEventType.PASSWORD_RESET_REQUESTED, null, holder.username(),
                    Phrase.of("audit.reset-asked-from", Addresses.word(source)));
        }
    }

    /** Whom a working reset link is for; empty for a link that does not work (any more). */
    public Optional<AccountHolder> holder(String token) {
        return transactions.executeRead(status -> tokens.working(token, TokenPurpose.PASSWORD_RESET)
                .flatMap(row -> accounts.holder(row.userId())).filter(AccountHolder::enabled));
    }

    /** Spends the link and sets the new password, ending every session and token of the user; answers the username. */
    @Transactional
    public String reset(String token, String password) {
        AccountToken spent = tokens.spend(token, TokenPurpose.PASSWORD_RESET).orElseThrow(() -> new NotFoundException("onboarding.link-not-valid"));
        AccountHolder holder = accounts.holder(spent.userId()).filter(AccountHolder::enabled)
                .orElseThrow(() -> new NotFoundException("onboarding.link-not-valid"));
        accounts.setPasswordFromLink(holder.userId(), password, SecurityEventType.PASSWORD_RESET_BY_LINK, null);
        tokens.endAll(holder.userId(), TokenPurpose.INVITATION);
        mailbox.post(new Letter(CHANGED_KIND, holder.userId(), holder.email(), holder.language(), "password-changed",
                Phrase.of("mail.password-changed.subject"), Map.of("name", holder.displayName(), "username", holder.username(),
                "changedAt", clock.instant()), home + "/password/forgotten", null, false));
        return holder.username();
    }

    /** Waits until every request asked so far has been written: for tests, which read the outbox after. */
    void awaitWritten() throws InterruptedException {
        while (pending.get() > 0) {
            Thread.sleep(10);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
