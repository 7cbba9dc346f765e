package tw.training.notification;

import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import tw.training.certificate.CertificateIssued;
import tw.training.certificate.CertificateRevoked;
import tw.training.evidence.AwaitingMarking;
import tw.training.evidence.JudgementsRecorded;
import tw.training.evidence.Outcome;
import tw.training.phrase.Phrase;
import tw.training.progress.EnrollmentsCompleted;
import tw.training.writtentest.TestOpened;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what happened into notifications, inside the transaction that recorded it (the events are published there):
 * a learner is told their evidence was judged (one notification per piece, a line per indicator with its outcome and
 * comment), that they met the plan, that a certificate was issued or revoked; the course's trainers that a learner
 * completed, or that a written test's short answers wait for them; a course's learners that a written test opened. Each listener reads what it needs for the whole event in a query or two.
 */
@Singleton
class NotificationEvents {

    private final NotificationRepository rows;
    private final Notifier notifier;

    NotificationEvents(NotificationRepository rows, Notifier notifier) {
        this.rows = rows;
        this.notifier = notifier;
    }

    /** Before the progress ledger's listener: the judgement is told before the completion it brings. */
    @EventListener
    @Order(-90)
    void onJudgementsRecorded(JudgementsRecorded event) {
        if (event.judgements().isEmpty()) {
            return;
        }
        Map<Long, List<NotificationRepository.Judged>> byEvidence = new LinkedHashMap<>();
        rows.judged(event.judgements().stream().map(JudgementsRecorded.Recorded::judgementId).toList())
                .forEach(judged -> byEvidence.computeIfAbsent(judged.evidenceId(), id -> new ArrayList<>()).add(judged));
        List<Notifier.Note> notes = new ArrayList<>();
        for (List<NotificationRepository.Judged> piece : byEvidence.values()) {
            NotificationRepository.Judged first = piece.get(0);
            List<Phrase> lines = piece.stream().map(judged -> judged.comment() == null || judged.comment().isBlank()
                    ? Phrase.of("notify.judged.line", judged.code(), Phrase.of("notify.outcome." + Outcome.valueOf(judged.outcome()).name()))
                    : Phrase.of("notify.judged.line-comment", judged.code(), Phrase.of("notify.outcome." + Outcome.valueOf(judged.outcome()).name()), judged.comment().strip())).toList();
            notes.add(new Notifier.Note(first.learnerId(), NotificationKind.EVIDENCE_JUDGED, Phrase.of("notify.judged.title", first.title(),
                    first.assessor()), lines, "/evidence/" + first.evidenceId()));
        }
        notifier.send(notes);
    }

    /**
     * After the progress ledger's listener (which runs in between): the indicators the judgements met, one notification
     * per learner whatever their number, a line per indicator.
     */
    @EventListener
    @Order(100)
    void onIndicatorsMet(JudgementsRecorded event) {
        if (event.judgements().isEmpty()) {
            return;
        }
        Map<Long, List<NotificationRepository.NewlyMet>> byEnrollment = new LinkedHashMap<>();
        rows.newlyMet(event.judgements().stream().map(JudgementsRecorded.Recorded::enrollmentId).collect(Collectors.toSet()),
                        event.judgements().stream().map(JudgementsRecorded.Recorded::indicatorId).collect(Collectors.toSet()),
                        event.judgements().stream().map(JudgementsRecorded.Recorded::judgementId).toList())
                .forEach(met -> byEnrollment.computeIfAbsent(met.enrollmentId(), id -> new ArrayList<>()).add(met));
        notifier.send(byEnrollment.values().stream().map(met -> new Notifier.Note(met.get(0).learnerId(), NotificationKind.INDICATOR_MET,
                Phrase.of("notify.indicators-met.title", met.size(), met.get(0).courseTitle()),
                met.stream().map(m -> Phrase.of("notify.indicators-met.line", m.code(), m.content())).toList(),
                "/enrollments/" + met.get(0).enrollmentId())).toList());
    }

    @EventListener
    void onEnrollmentsCompleted(EnrollmentsCompleted event) {
        List<Notifier.Note> notes = new ArrayList<>();
        Set<Long> told = new LinkedHashSet<>();
        for (NotificationRepository.Enrolled enrolled : rows.enrolled(event.enrollmentIds())) {
            if (told.add(enrolled.enrollmentId())) {
                notes.add(new Notifier.Note(enrolled.learnerId(), NotificationKind.PLAN_MET, Phrase.of("notify.plan-met.title", enrolled.courseTitle()),
                        List.of(), "/enrollments/" + enrolled.enrollmentId()));
            }
            if (enrolled.trainerId() != null) {
                notes.add(new Notifier.Note(enrolled.trainerId(), NotificationKind.LEARNER_COMPLETED, Phrase.of("notify.learner-completed.title",
                        enrolled.learnerName(), enrolled.courseTitle()), List.of(), "/courses/" + enrolled.courseId() + "/progress"));
            }
        }
        notifier.send(notes);
    }

    /** A written test's short answers wait for an assessor: each of the course's trainers is told. */
    @EventListener
    void onAwaitingMarking(AwaitingMarking event) {
        List<Notifier.Note> notes = new ArrayList<>();
        for (NotificationRepository.Enrolled enrolled : rows.enrolled(List.of(event.enrollmentId()))) {
            if (enrolled.trainerId() != null) {
                notes.add(new Notifier.Note(enrolled.trainerId(), NotificationKind.SHORT_ANSWERS_TO_MARK, Phrase.of("notify.short-answers.title",
                        enrolled.learnerName(), event.title(), enrolled.courseTitle()), List.of(Phrase.of("notify.short-answers.line", event.indicators())),
                        "/assess/" + event.evidenceId()));
            }
        }
        notifier.send(notes);
    }

    /** A written test was made on a course: its learners are told, with when it closes, if it does. */
    @EventListener
    void onTestOpened(TestOpened event) {
        List<Phrase> lines = event.closesAt() == null ? List.of() : List.of(Phrase.of("notify.test.closes", event.closesAt()));
        notifier.send(rows.learnersOf(event.courseId()).stream().map(learner -> new Notifier.Note(learner.learnerId(), NotificationKind.TEST_OPENED,
                Phrase.of("notify.test-opened.title", learner.courseTitle(), event.title()), lines, "/tests/" + event.testId())).toList());
    }

    @EventListener
    void onCertificateIssued(CertificateIssued event) {
        rows.enrolled(List.of(event.enrollmentId())).stream().findFirst().ifPresent(enrolled -> notifier.send(List.of(new Notifier.Note(
                enrolled.learnerId(), NotificationKind.CERTIFICATE_ISSUED, Phrase.of("notify.certificate-issued.title", enrolled.courseTitle(),
                event.number()), List.of(), "/certificates"))));
    }

    @EventListener
    void onCertificateRevoked(CertificateRevoked event) {
        rows.enrolled(List.of(event.enrollmentId())).stream().findFirst().ifPresent(enrolled -> notifier.send(List.of(new Notifier.Note(
                enrolled.learnerId(), NotificationKind.CERTIFICATE_REVOKED, Phrase.of("notify.certificate-revoked.title", enrolled.courseTitle(),
                event.number()), List.of(Phrase.of("notify.certificate-revoked.reason", event.reason())), "/certificates"))));
    }
}
