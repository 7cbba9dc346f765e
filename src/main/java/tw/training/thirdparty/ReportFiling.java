package tw.training.thirdparty;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every few minutes, files as evidence the signed reports the evidence store was away for when they were signed. */
@Singleton
class ReportFiling {

    private static final Logger LOG = LoggerFactory.getLogger(ReportFiling.class);

    private final ReportSubmissions submissions;

    ReportFiling(ReportSubmissions submissions) {
        this.submissions = submissions;
    }

    @Scheduled(fixedDelay = "${app.third-party.file-every:5m}", initialDelay = "${app.third-party.file-every:5m}")
    void fileDue() {
        try {
            int filed = submissions.fileUnfiled();
            if (filed > 0) {
                LOG.info("{} signed third-party report(s) filed as evidence on a later try", filed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Signed third-party reports not filed now ({}); tried again later", e.toString());
        }
    }
}
