package tw.training.xapi;

import tw.training.NameBasedUuid;
import tw.training.progress.EnrollmentsCompleted;

import java.util.UUID;

/**
 * A statement's id, named by the record it tells of: fixed the moment that record is written, the same on every
 * instance and every time it is derived, so nothing needs storing and an LRS given a statement twice takes it once.
 */
final class StatementIds {

    /** This product's namespace for xAPI statements (a random UUID fixed once). */
    private static final UUID NAMESPACE = UUID.fromString("3b8e6a0e-9c4f-4a57-8f0d-2e61c7a4b915");

    private StatementIds() {
    }

    static String evidence(long evidenceId) {
        return of("evidence:" + evidenceId);
    }

    static String judgement(long judgementId) {
        return of("judgement:" + judgementId);
    }

    static String certificate(String number) {
        return of("certificate:" + number);
    }

    /** An enrollment completed by the record {@code cause} names (completed again later: another cause, another id). */
    static String completion(long enrollmentId, EnrollmentsCompleted.Cause cause) {
        return of("completion:" + enrollmentId + ":" + cause.kind() + ":" + cause.recordId());
    }

    private static String of(String name) {
        return NameBasedUuid.of(NAMESPACE, name).toString();
    }
}
