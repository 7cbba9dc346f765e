/**
 * What the system says to people, kept as a message key and arguments ({@link tw.training.phrase.Phrase}) and put
 * into words in the reader's language only when shown: refusals, a parser's findings, a roster's reasons. A value
 * every feature may use, the parser included; it knows nothing of HTTP or storage.
 */
package tw.training.phrase;
