package tw.training.account.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** At most {@code limit} takes per {@code period}, refilled continuously; safe to share between threads. */
public final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private Instant updated;

    public TokenBucket(int limit, Duration period, Instant now) {
        this.capacity = limit;
        this.perNano = limit / (double) period.toNanos();
        this.tokens = limit;
        this.updated = now;
    }

    /** Takes one token, or says how long until one is there. */
    public synchronized Optional<Duration> take(Instant now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano)));
    }

    /** Whether the bucket is full again: nothing to remember about its source. */
    public synchronized boolean isIdle(Instant now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(Instant now) {
        if (now.isAfter(updated)) {
            tokens = Math.min(capacity, tokens + Duration.between(updated, now).toNanos() * perNano);
            updated = now;
        }
    }
}
