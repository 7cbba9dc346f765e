package tw.training.account.audit;

/** What happened. */
public enum SecurityEventType {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    /** Wrong passwords from one source reached the point where that source must wait before trying again. */
    LOGIN_THROTTLED,
    LOGIN_REFUSED_WHILE_THROTTLED,
    /** Of the account lockout before V009; kept so older events still read. */
    LOGIN_LOCKED_OUT,
    LOGIN_REFUSED_WHILE_LOCKED,
    LOGIN_REFUSED_DISABLED,
    USER_CREATED,
    USER_DISABLED,
    USER_ENABLED,
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    ROLES_CHANGED,
    BOOTSTRAP_ADMIN_CREATED,
    /** An administrator changed a setting of the service (its name and new value in the detail). */
    SETTING_CHANGED,
    /** An invitation to choose a password was mailed (or, with mail off, put in the outbox). */
    INVITATION_SENT,
    /** An invited user chose their password through the invitation's link. */
    INVITATION_ACCEPTED,
    /** A link to reset the password was mailed to the account's address. */
    PASSWORD_RESET_REQUESTED,
    /** The password was reset through a link mailed to the account's address. */
    PASSWORD_RESET_BY_LINK
}
