package tw.training.account.throttle;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long a sign-in attempt must wait. Four limits, checked in this order, the cheap ones first, so that an attempt
 * one of them refuses costs nothing of the next:
 * <ol>
 *     <li>each source address, whatever the username ({@link #admitSource});</li>
 *     <li>each username from each source: after {@code free-failures} wrong passwords, that source waits
 *     {@code first-delay}, then twice as long after each further failure, up to {@code max-delay} ({@link #waitFor});</li>
 *     <li>each account from all sources: after {@code account.free-failures} wrong passwords with no pause of
 *     {@code account.quiet} between them, every attempt at the account waits {@code account.first-delay}, then twice as
 *     long after each further failure, up to {@code max-delay} ({@link #accountWait}); the caller exempts a device that
 *     signed in to the account before;</li>
 *     <li>{@code /login} as a whole, counting only the attempts that reach a password check ({@link #admitCheck}): each
 *     costs an Argon2 check, and the server's cores are the limit. An attempt refused above never takes from it, so one
 *     address over its own limit cannot keep everyone else out; the caller exempts known devices from it too.</li>
 * </ol>
 * And one password check of an account at a time ({@link #startCheck}), so that a burst of guesses from many addresses
 * is not checked all at once before any of its failures has counted.
 * The first and last are kept in memory by each instance; the other two in the database, so every instance and a
 * restart see them. A success from a source clears its failures for that username; no account is ever locked.
 */
@Singleton
public class Throttle {

    /** Failures older than this are forgotten. */
    private static final Duration MEMORY = Duration.ofDays(1);
    private static final int MAX_SOURCES = 10_000;
    private static final int MAX_KEY = 64;

    private final LoginThrottleRepository throttles;
    private final AccountThrottleRepository accounts;
    private final Clock clock;
    private final TokenBucket everyone;
    private final Map<String, TokenBucket> sources = new ConcurrentHashMap<>();
    private final Set<String> checking = ConcurrentHashMap.newKeySet();
    private final int perSource;
    private final Duration perSourcePeriod;
    private final Doubling perPair;
    private final Doubling perAccount;
    private final Duration accountQuiet;

    /** No wait for the first {@code free} failures, then {@code first}, doubling with each failure, up to {@code max}. */
    record Doubling(int free, Duration first, Duration max) {

        Optional<Duration> after(int failures) {
            int beyond = failures - free;
            if (beyond <= 0) {
                return Optional.empty();
            }
            Duration delay = first.multipliedBy(1L << Math.min(beyond - 1, 30));
            return Optional.of(delay.compareTo(max) > 0 || delay.isNegative() ? max : delay);
        }
    }

    Throttle(LoginThrottleRepository throttles, AccountThrottleRepository accounts, Clock clock,
             @Value("${app.login.rate.all:20}") int all, @Value("${app.login.rate.all-period:1s}") Duration allPeriod,
             @Value("${app.login.rate.per-source:30}") int perSource, @Value("${app.login.rate.per-source-period:1m}") Duration perSourcePeriod,
             @Value("${app.login.free-failures:3}") int freeFailures, @Value("${app.login.first-delay:2s}") Duration firstDelay,
             @Value("${app.login.max-delay:15m}") Duration maxDelay,
             @Value("${app.login.account.free-failures:10}") int accountFreeFailures,
             @Value("${app.login.account.first-delay:2s}") Duration accountFirstDelay,
             @Value("${app.login.account.quiet:15m}") Duration accountQuiet) {
        this.throttles = throttles;
        this.accounts = accounts;
        this.clock = clock;
        this.everyone = new TokenBucket(all, allPeriod, clock.instant());
        this.perSource = perSource;
        this.perSourcePeriod = perSourcePeriod;
        this.perPair = new Doubling(freeFailures, firstDelay, maxDelay);
        // the account's budget is the failures after which every further attempt waits: the last of them imposes the first wait
        this.perAccount = new Doubling(accountFreeFailures - 1, accountFirstDelay, maxDelay);
        this.accountQuiet = accountQuiet;
    }

    /** Whether this source may try at all now (its own rate, whatever the username); if not, how long to wait. */
    public Optional<Duration> admitSource(String source) {
        Instant now = clock.instant();
        if (sources.size() > MAX_SOURCES) {
            sources.values().removeIf(bucket -> bucket.isIdle(now));
        }
        return sources.computeIfAbsent(key(source), s -> new TokenBucket(perSource, perSourcePeriod, now)).take(now);
    }

    /**
     * Whether a password of this account may be checked now, on this instance: one at a time (for devices the account
     * does not know), so the failures of one guess count before the next is checked. Every start is followed by an end.
     */
    public boolean startCheck(String username) {
        return checking.add(key(username));
    }

    public void endCheck(String username) {
        checking.remove(key(username));
    }

    /** Whether a password may be checked now ({@code /login} as a whole); asked only once every other limit let the attempt through. */
    public Optional<Duration> admitCheck() {
        return everyone.take(clock.instant());
    }

    /** How long this source must still wait before trying this username, if at all. */
    @Transactional
    public Optional<Duration> waitFor(String username, String source) {
        Instant now = clock.instant();
        return throttles.findByUsernameAndSource(key(username), key(source))
                .map(LoginThrottle::blockedUntil)
                .filter(now::isBefore)
                .map(until -> Duration.between(now, until));
    }

    /** How long every attempt at this account must still wait (but one from a device known to it), if at all. */
    @Transactional
    public Optional<Duration> accountWait(String username) {
        Instant now = clock.instant();
        return accounts.findById(key(username)).map(AccountThrottle::blockedUntil).filter(now::isBefore)
                .map(until -> Duration.between(now, until));
    }

    /** What a wrong password imposes: on its source for that username, and on the account from everywhere. */
    public record Imposed(Optional<Duration> onSource, Optional<Duration> onAccount) {
    }

    /** Counts a wrong password (or an unknown username) from this source, for the pair and for the account. */
    @Transactional
    public Imposed fail(String username, String source) {
        Instant now = clock.instant();
        String name = key(username);
        String from = key(source);
        if (throttles.countFailure(name, from, now) == 0) {
            throttles.open(name, from, now);
            throttles.countFailure(name, from, now);
        }
        LoginThrottle pair = throttles.findByUsernameAndSource(name, from).orElseThrow();
        Optional<Duration> onSource = perPair.after(pair.failures());
        throttles.update(pair.id(), onSource.map(now::plus).orElse(null));

        Instant quietSince = now.minus(accountQuiet);
        if (accounts.countFailure(name, quietSince, now) == 0) {
            accounts.open(name, now);
            accounts.countFailure(name, quietSince, now);
        }
        AccountThrottle account = accounts.findById(name).orElseThrow();
        Optional<Duration> onAccount = perAccount.after(account.failures());
        accounts.update(name, onAccount.map(now::plus).orElse(null));
        return new Imposed(onSource, onAccount);
    }

    /** A right password: the source's failures for that username are forgotten (the account's run down by themselves). */
    @Transactional
    public void succeed(String username, String source) {
        throttles.deleteByUsernameAndSource(key(username), key(source));
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    @Transactional
    void forgetOldFailures() {
        Instant before = clock.instant().minus(MEMORY);
        throttles.deleteByUpdatedAtBefore(before);
        accounts.deleteByUpdatedAtBefore(before);
    }

    private static String key(String value) {
        return value.length() <= MAX_KEY ? value : value.substring(0, MAX_KEY);
    }
}
