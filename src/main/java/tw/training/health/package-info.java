/**
 * Whether the server's dependencies — the database and the evidence store — can be reached: a probe checks them
 * every few seconds, requests that fail to reach them report it, readiness says which is missing, and one line is
 * logged when a dependency goes away and one when it is back. It decides nothing about requests; web answers 503.
 */
package tw.training.health;
