package tw.training.mail;

/** Where a message of the outbox stands. */
public enum MailState {
    /** Not yet taken by the mail server (or, with mail off, never to be: read it on the outbox page). */
    WAITING,
    /** Taken by the mail server. */
    SENT,
    /** Refused by the mail server for good (a 5xx answer, a malformed address): never retried by itself. */
    REFUSED
}
