/**
 * Certificates as Open Badges 3.0 credentials (issue 19), begun: Data Integrity {@code eddsa-rdfc-2022} signing and
 * verification over bundled JSON-LD contexts only, reproducing 1EdTech's test vector offline.
 */
package tw.training.badge;
