package tw.training.notification;

/** How a kind of notification is mailed to a user; the pages list every notification whatever this says. */
public enum Delivery {
    /** A mail for each, as it happens. */
    IMMEDIATE,
    /** Gathered into the day's digest. */
    DIGEST,
    /** Not mailed. */
    OFF
}
