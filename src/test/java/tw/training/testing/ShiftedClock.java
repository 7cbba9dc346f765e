package tw.training.testing;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock, for tests whose rule depends on time passing (a deadline): the real time, moved forward by
 * what the test says has passed. Only in contexts with {@code test.clock.shiftable=true}.
 */
@Singleton
@Replaces(Clock.class)
@Requires(property = "test.clock.shiftable", value = "true")
public class ShiftedClock extends Clock {

    private volatile Duration passed = Duration.ZERO;

    /** Time passes by this much more. */
    public void pass(Duration duration) {
        passed = passed.plus(duration);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(passed);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
