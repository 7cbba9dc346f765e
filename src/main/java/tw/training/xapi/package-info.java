/**
 * xAPI 1.0.3 (issue 19), begun: statements of evidence submitted and certificates issued, written to an outbox in the
 * transaction of their event with their ids fixed, readable by administrators at {@code GET /api/xapi/statements}.
 */
package tw.training.xapi;
