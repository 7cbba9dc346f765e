/**
 * The transparency log (issue 34): every judgement, certificate issue and revocation, evidence submission, third-party
 * report and moderation decision appended as a leaf of an RFC 9162 Merkle tree, whose signed checkpoints anyone can
 * check offline, so that a record changed or removed after the fact is detected from outside the database.
 */
package tw.training.transparency;
