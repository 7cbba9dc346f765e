/**
 * Reads the UTF-8 text that iCAP PDFs export to and rebuilds the document it came from: page breaks that
 * repeat table headers and cut cells in two, rows that lost their leading cells, merged cells left blank,
 * footnote marks and HTML fragments. It reports what it could not read by line, and what looks suspicious
 * as warnings; it never drops text silently. It knows nothing of storage or HTTP.
 */
package tw.training.catalogue.parsing;
