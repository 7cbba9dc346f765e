package tw.training.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

import java.time.Clock;
import java.time.Duration;

/**
 * What an operator watches of the outbox: messages waiting, how long the oldest has waited, and those the server
 * refused for good. With mail on, the first two stay near zero while the server takes what is sent; with mail off they
 * only climb, by design (administrators read the messages on the outbox page).
 */
@Context
class MailMeters {

    MailMeters(MeterRegistry registry, MailRepository mails, Clock clock) {
        Gauge.builder("competency.mail.waiting", mails, MailRepository::waitingCount)
                .description("Mail messages not yet taken by the mail server").register(registry);
        Gauge.builder("competency.mail.oldest.waiting.age", mails, m -> m.oldestWaiting()
                        .map(created -> Math.max(0, Duration.between(created, clock.instant()).toMillis() / 1000.0)).orElse(0.0))
                .baseUnit("seconds").description("How long the oldest waiting mail message has waited").register(registry);
        Gauge.builder("competency.mail.refused", mails, MailRepository::refusedCount)
                .description("Mail messages the mail server refused for good, shown to administrators").register(registry);
    }
}
