/**
 * The signing of access tokens (HS256 JWT). The secret comes from configuration; on the embedded default,
 * when none is configured, one is generated once and kept under the data folder so restarts keep sessions
 * valid. A secret is never committed or logged.
 */
package tw.training.account.token;
