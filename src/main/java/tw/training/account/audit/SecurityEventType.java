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
    PASSWORD_RESET_BY_LINK,
    /** A right password of a user marked SSO only: refused, they sign in through their provider. */
    LOGIN_REFUSED_SSO_ONLY,
    /** Signed in through an OpenID Connect provider (issuer and subject in the detail). */
    SSO_SIGNED_IN,
    /** A sign-in through a provider was refused, and why (issuer and, once known, subject in the detail). */
    SSO_REFUSED,
    /** An account made on a first sign-in through a provider that allows just-in-time accounts. */
    SSO_ACCOUNT_CREATED,
    /** An external identity was linked to a user: by the user confirming with their password, or by an administrator. */
    SSO_LINKED,
    /** An administrator unlinked an external identity from a user. */
    SSO_UNLINKED,
    /** An administrator marked a user SSO only, or no longer. */
    SSO_ONLY_CHANGED
}
