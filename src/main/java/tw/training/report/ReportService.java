package tw.training.report;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.certificate.CertificateService;
import tw.training.certificate.CertificateStatus;
import tw.training.certificate.CertificateSummary;
import tw.training.enrollment.EnrollmentStatus;
import tw.training.progress.CourseProgress;
import tw.training.progress.ProgressService;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the certification report from the progress service's cohort, the course's certificates and what its learners
 * have tried short of meeting: three reads.
 */
@Singleton
public class ReportService {

    private final ProgressService progress;
    private final CertificateService certificates;
    private final TriedIndicators tried;
    private final SetAsideRules setAside;
    private final Clock clock;

    ReportService(ProgressService progress, CertificateService certificates, TriedIndicators tried, SetAsideRules setAside, Clock clock) {
        this.setAside = setAside;
        this.progress = progress;
        this.certificates = certificates;
        this.tried = tried;
        this.clock = clock;
    }

    /** The course's trainers (to read) and admins; to anyone else the course does not exist. */
    @ReadOnly
    public CertificationReport certification(long courseId, Actor actor) {
        CourseProgress cohort = progress.course(courseId, actor);
        // an enrollment may hold a revoked certificate and the one that replaced it: the later one is its certificate
        Map<Long, CertificateSummary> issued = certificates.ofCourse(courseId).stream()
                .collect(Collectors.toMap(CertificateSummary::enrollmentId, Function.identity(), (earlier, later) -> later));
        Map<Long, Map<String, TriedIndicators.Tried>> attempts = tried.ofCourse(courseId);
        Map<Long, List<CertificationReport.SetAside>> rulesSetAside = setAside.ofCourse(courseId);
        List<CertificationReport.Line> lines = cohort.enrollments().stream().map(row -> {
            CertificateSummary certificate = issued.get(row.enrollmentId());
            Set<String> met = Set.copyOf(row.metIndicators());
            List<TriedIndicators.Tried> triedShort = attempts.getOrDefault(row.enrollmentId(), Map.of()).values().stream()
                    .filter(t -> !met.contains(t.indicator())).sorted(java.util.Comparator.comparing(TriedIndicators.Tried::indicator)).toList();
            return new CertificationReport.Line(row.enrollmentId(), row.learner().username(), row.learner().displayName(), row.status(),
                    row.summary().indicatorsMet(), row.summary().indicatorsTotal(), row.summary().percent(), row.summary().complete(),
                    row.completedAt(), certificate == null ? null : certificate.number(), certificate == null ? null : certificate.status(),
                    row.metIndicators(), triedShort.stream().filter(t -> t.awaiting() > 0).map(TriedIndicators.Tried::indicator).toList(),
                    triedShort.stream().filter(t -> t.awaiting() == 0).map(TriedIndicators.Tried::indicator).toList(),
                    rulesSetAside.getOrDefault(row.enrollmentId(), List.of()).stream().filter(s -> met.contains(s.indicator())).toList());
        }).toList();
        return new CertificationReport(new CertificationReport.Course(cohort.courseId(), cohort.code(), cohort.title()), clock.instant(),
                totals(lines), lines, cohort.indicators().stream().map(i -> new CertificationReport.IndicatorCount(i.id(), i.learnersMet())).toList());
    }

    private static CertificationReport.Totals totals(List<CertificationReport.Line> lines) {
        return new CertificationReport.Totals(lines.size(),
                count(lines, line -> line.status() == EnrollmentStatus.ACTIVE),
                count(lines, CertificationReport.Line::complete),
                count(lines, line -> line.status() == EnrollmentStatus.WITHDRAWN),
                count(lines, line -> line.certificateStatus() == CertificateStatus.VALID),
                count(lines, line -> line.certificateStatus() == CertificateStatus.REVOKED),
                // rounded down, so that 100 means every learner is done
                (int) Math.floor(lines.stream().mapToInt(CertificationReport.Line::percent).average().orElse(0)));
    }

    private static int count(List<CertificationReport.Line> lines, java.util.function.Predicate<CertificationReport.Line> which) {
        return (int) lines.stream().filter(which).count();
    }
}
