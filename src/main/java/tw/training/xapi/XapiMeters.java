package tw.training.xapi;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What an operator watches of the statements: how many wait for the LRS and how long the oldest has waited (by the time
 * of what it tells). Both stay at zero while the LRS takes what is sent; they climb while it is down or refuses (the
 * sender's log says why). Read at each scrape from the cursor; without an LRS every statement waits, by design. It reads
 * only the sequenced statements (it sequences nothing), so a command that makes it needs no more than the database.
 */
@Context
class XapiMeters {

    XapiMeters(MeterRegistry registry, XapiStream stream, XapiCursorRepository cursor, Clock clock) {
        Gauge.builder("competency.xapi.statements.unsent", stream, s -> s.waiting(cursor.read()).statements())
                .description("xAPI statements not yet taken by the LRS").register(registry);
        Gauge.builder("competency.xapi.oldest.unsent.age", stream, s -> {
                    Instant oldest = s.waiting(cursor.read()).oldest();
                    return oldest == null ? 0.0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
                })
                .baseUnit("seconds").description("How long the oldest statement not yet taken by the LRS has waited").register(registry);
    }
}
