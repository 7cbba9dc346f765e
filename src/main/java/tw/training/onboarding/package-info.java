/**
 * Bringing people in (issue 31): invitations to choose one's own password instead of one an administrator types and
 * passes on, and a forgotten password reset by a link mailed to the account's address. Both are one-time tokens of 256
 * random bits of which only the SHA-256 is kept; the link is mailed through the outbox ({@link tw.training.mail}).
 */
package tw.training.onboarding;
