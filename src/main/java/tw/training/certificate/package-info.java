/**
 * Certificates (SPEC §6): issued by an admin for a complete enrollment, with a number people read (course
 * code, year, sequence) and a token nobody can guess; shown as JSON, HTML and PDF with a QR code of the
 * public verification link; revoked with a reason, never deleted. {@code /verify} answers anyone whether a
 * certificate is valid, and nothing private.
 */
package tw.training.certificate;
