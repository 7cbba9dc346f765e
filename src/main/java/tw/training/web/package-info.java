/**
 * What every HTTP answer shares: failures as application/problem+json (RFC 9457) with a stable type per
 * kind, a fixed title, a safe detail and the fields or lines at fault. Unexpected failures are logged once
 * with an id the client is given; no stack trace or internal message ever reaches a client.
 */
package tw.training.web;
