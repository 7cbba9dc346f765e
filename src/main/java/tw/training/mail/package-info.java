/**
 * E-mail (issue 31): an outbox written in the transaction of what a message tells ({@link tw.training.mail.Mailbox}),
 * sent over SMTP by a background sender through Micronaut's e-mail module (Jakarta Mail, Eclipse Angus) when
 * {@code APP_MAIL_ENABLED} is true, claimed {@code FOR UPDATE SKIP LOCKED} so several instances never send one message
 * twice, retried with back-off, marked when the server refuses it for good, pruned once sent long enough ago. With mail
 * off (the embedded default) nothing is sent: administrators read the outbox on a page.
 */
package tw.training.mail;
