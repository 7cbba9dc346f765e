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
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long a sign-in attempt must wait. Three limits, checked in this order:
 * <ol>
 *     <li>{@code /login} as a whole (each attempt costs an Argon2 check: the server's cores are the limit);</li>
 *     <li>each source address, whatever the username;</li>
 *     <li>each username from each source: after {@code free-failures} wrong passwords, that source waits
 *     {@code first-delay}, then twice as long after each further failure, up to {@code max-delay}.</li>
 * </ol>
 * The first two are kept in memory by each instance; the third in the database, so every instance and a restart
 * see it. A success from a source clears its failures for that username; other sources are never affected.
 */
@Singleton
public class Throttle {

    /** Failures older than this are forgotten. */
    private static final Duration MEMORY = Duration.ofDays(1);
    private static final int MAX_SOURCES = 10_000;
    private static final int MAX_KEY = 64;

    private final LoginThrottleRepository throttles;
    private final Clock clock;
    private final TokenBucket everyone;
    private final Map<String, TokenBucket> sources = new ConcurrentHashMap<>();
    private final int perSource;
    private final Duration perSourcePeriod;
    private final int freeFailures;
    private final Duration firstDelay;
    private final Duration maxDelay;

    Throttle(LoginThrottleRepository throttles, Clock clock,
             @Value("${app.login.rate.all:20}") int all, @Value("${app.login.rate.all-period:1s}") Duration allPeriod,
             @Value("${app.login.rate.per-source:30}") int perSource, @Value("${app.login.rate.per-source-period:1m}") Duration perSourcePeriod,
             @Value("${app.login.free-failures:3}") int freeFailures, @Value("${app.login.first-delay:2s}") Duration firstDelay,
             @Value("${app.login.max-delay:15m}") Duration maxDelay) {
        this.throttles = throttles;
        this.clock = clock;
        this.everyone = new TokenBucket(all, allPeriod, clock.instant());
        this.perSource = perSource;
        this.perSourcePeriod = perSourcePeriod;
        this.freeFailures = freeFailures;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /** Whether an attempt from this source may be checked at all now; if not, how long to wait. */
    public Optional<Duration> admit(String source) {
        Instant now = clock.instant();
        Optional<Duration> wait = everyone.take(now);
        if (wait.isPresent()) {
            return wait;
        }
        if (sources.size() > MAX_SOURCES) {
            sources.values().removeIf(bucket -> bucket.isIdle(now));
        }
        return sources.computeIfAbsent(key(source), s -> new TokenBucket(perSource, perSourcePeriod, now)).take(now);
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

    /**
     * Counts a wrong password (or an unknown username) from this source.
     *
     * @return the wait this failure imposes on the source, when it is past the free ones
     */
    @Transactional
    public Optional<Duration> fail(String username, String source) {
        Instant now = clock.instant();
        String name = key(username);
        String from = key(source);
        if (throttles.countFailure(name, from, now) == 0) {
            throttles.open(name, from, now);
            throttles.countFailure(name, from, now);
        }
        LoginThrottle throttle = throttles.findByUsernameAndSource(name, from).orElseThrow();
        Optional<Duration> delay = delayAfter(throttle.failures());
        throttles.update(throttle.id(), delay.map(now::plus).orElse(null));
        return delay;
    }

    /** A right password: the source's failures for that username are forgotten. */
    @Transactional
    public void succeed(String username, String source) {
        throttles.deleteByUsernameAndSource(key(username), key(source));
    }

    /** The wait after the n-th failure in a row: none for the free ones, then doubling up to the maximum. */
    Optional<Duration> delayAfter(int failures) {
        int beyond = failures - freeFailures;
        if (beyond <= 0) {
            return Optional.empty();
        }
        long factor = 1L << Math.min(beyond - 1, 30);
        Duration delay = firstDelay.multipliedBy(factor);
        return Optional.of(delay.compareTo(maxDelay) > 0 || delay.isNegative() ? maxDelay : delay);
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    @Transactional
    void forgetOldFailures() {
        throttles.deleteByUpdatedAtBefore(clock.instant().minus(MEMORY));
    }

    private static String key(String value) {
        return value.length() <= MAX_KEY ? value : value.substring(0, MAX_KEY);
    }
}
