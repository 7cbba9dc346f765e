package tw.training.notification;

import tw.training.account.Roles;

import java.util.List;
import java.util.Set;

/**
 * What a notification tells, whom it is for (the role that receives it) and how it is mailed unless the user chose
 * otherwise. The digest-only kinds are summaries the digest computes from what stands that day (evidence waiting,
 * learners ready for a certificate), so they cannot be immediate.
 */
public enum NotificationKind {
    EVIDENCE_JUDGED(Roles.LEARNER, Delivery.IMMEDIATE, false),
    INDICATOR_MET(Roles.LEARNER, Delivery.DIGEST, false),
    PLAN_MET(Roles.LEARNER, Delivery.IMMEDIATE, false),
    CERTIFICATE_ISSUED(Roles.LEARNER, Delivery.IMMEDIATE, false),
    CERTIFICATE_REVOKED(Roles.LEARNER, Delivery.IMMEDIATE, false),
    TEST_OPENED(Roles.LEARNER, Delivery.IMMEDIATE, false),
    TEST_CLOSING(Roles.LEARNER, Delivery.IMMEDIATE, false),
    EVIDENCE_AWAITING(Roles.TRAINER, Delivery.DIGEST, true),
    LEARNER_COMPLETED(Roles.TRAINER, Delivery.DIGEST, false),
    SHORT_ANSWERS_TO_MARK(Roles.TRAINER, Delivery.DIGEST, false),
    READY_FOR_CERTIFICATE(Roles.ADMIN, Delivery.DIGEST, true);

    public final String role;
    public final Delivery byDefault;
    /** Only ever a part of the digest: a summary of the day, not an event. */
    public final boolean digestOnly;

    NotificationKind(String role, Delivery byDefault, boolean digestOnly) {
        this.role = role;
        this.byDefault = byDefault;
        this.digestOnly = digestOnly;
    }

    /** The ways this kind may be mailed. */
    public List<Delivery> choices() {
        return digestOnly ? List.of(Delivery.DIGEST, Delivery.OFF) : List.of(Delivery.values());
    }

    /** The kinds a user with these roles receives. */
    public static List<NotificationKind> forRoles(Set<String> roles) {
        return java.util.Arrays.stream(values()).filter(kind -> roles.contains(kind.role)).toList();
    }
}
