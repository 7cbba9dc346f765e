package tw.training.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import tw.training.certificate.CertificateStatus;
import tw.training.enrollment.EnrollmentStatus;

import java.time.Instant;
import java.util.List;

/** A course's enrollments with their progress and certificates, and the totals an auditor checks first. */
@Serdeable
public record CertificationReport(Course course, Instant generatedAt, Totals totals, List<Line> enrollments, List<IndicatorCount> indicators) {

    @Serdeable
    public record Course(long id, String code, String title) {
    }

    /**
     * @param complete  enrollments that met every indicator of their plan
     * @param certified enrollments with a certificate that stands (revoked ones are counted apart)
     */
    @Serdeable
    public record Totals(int enrollments, int active, int complete, int withdrawn, int certified, int revoked, int averagePercent) {
    }

    /**
     * @param awaitingIndicators indicators not met that some of the learner's evidence claims and no judgement has
     *                           answered yet
     * @param notYetIndicators   indicators not met whose every claim was judged, none of them met
     * @param rulesSetAside      the rules of evidence set aside on the judgements behind met indicators; empty: all four
     *                           kept on every met indicator
     */
    @Serdeable
    public record Line(long enrollmentId, String username, String displayName, EnrollmentStatus status, int indicatorsMet,
                       int indicatorsTotal, int percent, boolean complete, @Nullable Instant completedAt, @Nullable String certificateNumber,
                       @Nullable CertificateStatus certificateStatus, List<String> metIndicators, List<String> awaitingIndicators,
                       List<String> notYetIndicators, List<SetAside> rulesSetAside) {
    }

    /** An assessor's MET that set rules of evidence aside (SUFFICIENT, AUTHENTIC, CURRENT), and why. */
    @Serdeable
    public record SetAside(String indicator, long judgementId, List<String> rules, String reason) {
    }

    @Serdeable
    public record IndicatorCount(String id, int learnersMet) {
    }
}
