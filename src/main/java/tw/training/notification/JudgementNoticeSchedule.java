package tw.training.notification;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The server tells judgements every second (a command of the jar tells nothing: the server it runs beside does). */
@Singleton
@Requires(notEnv = Environment.CLI)
class JudgementNoticeSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(JudgementNoticeSchedule.class);

    private final JudgementNotices notices;

    JudgementNoticeSchedule(JudgementNotices notices) {
        this.notices = notices;
    }

    @Scheduled(fixedDelay = "${app.notifications.judgements-every:1s}", initialDelay = "${app.notifications.judgements-every:1s}")
    void tell() {
        try {
            notices.catchUp();
        } catch (RuntimeException e) {
            LOG.warn("judgements not told now ({}); they are told later", e.toString());
        }
    }
}
