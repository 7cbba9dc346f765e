/**
 * Certificates as Open Badges 3.0 credentials (issue 19): an {@code OpenBadgeCredential} per certificate, signed with
 * Data Integrity {@code eddsa-rdfc-2022} over bundled JSON-LD contexts only (reproducing 1EdTech's test vector offline) or
 * as a VC-JWT; the issuer's profile with its key, and each credential's revocation status, public.
 */
package tw.training.badge;
