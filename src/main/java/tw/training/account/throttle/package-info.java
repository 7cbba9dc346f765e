/**
 * Sign-in throttling: wrong passwords slow down the source that sends them, per username, with growing delays,
 * and {@code /login} as a whole and each source are rate-limited. It never locks an account: an attacker
 * elsewhere cannot keep its owner out. It decides only how long to wait; sign-in itself lives in account.
 */
package tw.training.account.throttle;
