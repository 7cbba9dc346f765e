/**
 * Interchange with 1EdTech (IMS Global) standards, issue 19, begun: the catalogue as a CASE 1.1 provider under
 * {@code /ims/case/v1p1}. Identifiers are name-based UUIDs of our codes ({@link tw.training.ims.CaseIds}), so they stay
 * the same across restarts and re-imports without being stored.
 */
package tw.training.ims;
