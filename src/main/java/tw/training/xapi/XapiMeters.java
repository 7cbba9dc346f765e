package tw.training.xapi;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

import java.time.Clock;
import java.time.Duration;

/**
 * What an operator watches of the outbox: how many statements wait for the LRS and how long the oldest has waited. Both
 * stay at zero while the LRS takes what is sent; they climb while it is down or refuses (the sender's log says why). Read
 * at each scrape (an indexed count of the unsent rows); without an LRS every statement waits, by design.
 */
@Context
class XapiMeters {

    XapiMeters(MeterRegistry registry, XapiRepository statements, Clock clock) {
        Gauge.builder("competency.xapi.statements.unsent", statements, XapiRepository::unsentCount)
                .description("xAPI statements not yet taken by the LRS").register(registry);
        Gauge.builder("competency.xapi.oldest.unsent.age", statements, s -> s.oldestUnsent()
                        .map(stored -> Math.max(0, Duration.between(stored, clock.instant()).toMillis() / 1000.0)).orElse(0.0))
                .baseUnit("seconds").description("How long the oldest statement not yet taken by the LRS has waited").register(registry);
    }
}
