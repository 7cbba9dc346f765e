/**
 * The forms certificates and reports are handed out in: HTML (already rendered from a FreeMarker template) to PDF
 * with the Traditional Chinese font shipped in {@code templates/fonts}, inline SVG drawn into the PDF, and
 * QR codes drawn as SVG, and CSV for spreadsheets. No feature logic lives here.
 */
package tw.training.printing;
