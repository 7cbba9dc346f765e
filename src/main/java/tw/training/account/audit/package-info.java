/**
 * The security audit trail: who did what to which account, and when (sign-in failures and throttling,
 * accounts created, disabled, re-enabled, passwords reset, roles changed). Append-only; administrators
 * read it. It never records a password or a token.
 */
package tw.training.account.audit;
