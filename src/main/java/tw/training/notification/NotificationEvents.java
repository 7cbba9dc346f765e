package tw.training.notification;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import tw.training.certificate.CertificateIssued;
import tw.training.certificate.CertificateRevoked;
import tw.training.evidence.AwaitingMarking;
import tw.training.phrase.Phrase;
import tw.training.progress.EnrollmentsCompleted;
import tw.training.writtentest.TestOpened;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns what happened into notifications, inside the transaction that recorded it (the events are published there):
 * a learner is told that they met the plan, that a certificate was issued or revoked; the course's trainers that a
 * learner completed, or that a written test's short answers wait for them; a course's learners that a written test
 * opened. Each listener reads what it needs for the whole event in a query or two. Judgements, the busiest writes, are
 * told after their transaction ({@link JudgementNotices}).
 */
@Singleton
class NotificationEvents {

    private final NotificationRepository rows;
    private final Notifier notifier;

    NotificationEvents(NotificationRepository rows, Notifier notifier) {
        this.rows = rows;
        this.notifier = notifier;
    }

    /** A completion judgements brought is told after them, with them ({@link JudgementNotices}); a move's is told here. */
    @EventListener
    void onEnrollmentsCompleted(EnrollmentsCompleted event) {
        if (!event.cause().isJudgement()) {
            notifier.send(completed(rows.enrolled(event.enrollmentIds())));
        }
    }

    /** The learner is told they met the plan (once per enrollment), and each of the course's trainers that they completed. */
    static List<Notifier.Note> completed(List<NotificationRepository.Enrolled> enrollments) {
        List<Notifier.Note> notes = new ArrayList<>();
        Set<Long> told = new LinkedHashSet<>();
        for (NotificationRepository.Enrolled enrolled : enrollments) {
            if (told.add(enrolled.enrollmentId())) {
                notes.add(new Notifier.Note(enrolled.learnerId(), NotificationKind.PLAN_MET, Phrase.of("notify.plan-met.title", enrolled.courseTitle()),
                        List.of(), "/enrollments/" + enrolled.enrollmentId()));
            }
            if (enrolled.trainerId() != null) {
                notes.add(new Notifier.Note(enrolled.trainerId(), NotificationKind.LEARNER_COMPLETED, Phrase.of("notify.learner-completed.title",
                        enrolled.learnerName(), enrolled.courseTitle()), List.of(), "/courses/" + enrolled.courseId() + "/progress"));
            }
        }
        return notes;
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
