/**
 * xAPI 1.0.3 (issue 19): statements of evidence submitted, judgements recorded, enrollments completed and certificates
 * issued, written to an outbox in the transaction of their event with their ids fixed; read by administrators at
 * {@code GET /api/xapi/statements}, sent in order to a configured LRS, and pruned once the LRS has kept them long enough.
 */
package tw.training.xapi;
