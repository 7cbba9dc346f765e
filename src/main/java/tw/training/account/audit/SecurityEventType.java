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
    SETTING_CHANGED
}
