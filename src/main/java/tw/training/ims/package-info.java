/**
 * Interchange with 1EdTech (IMS Global) CASE 1.1 (issue 19): the catalogue as a provider under {@code /ims/case/v1p1},
 * packages imported through {@code POST /api/standards}, and the administrator's switch for anonymous reads. Identifiers
 * are name-based UUIDs of our codes ({@link tw.training.ims.CaseIds}), so they stay the same across restarts and
 * re-imports without being stored.
 */
package tw.training.ims;
