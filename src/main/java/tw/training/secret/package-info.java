/**
 * Secrets every instance must share (the token signing secret, the credential signing key): configured in production,
 * kept in the data folder on the embedded default, fresh per start in memory.
 */
package tw.training.secret;
