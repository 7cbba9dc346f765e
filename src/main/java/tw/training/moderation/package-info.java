/**
 * Moderation (issue 34): second marking of a seeded, reproducible sample of judgements, stratified by assessor and
 * indicator, with the sample size from the usual formula; and the statistics that compare an assessor with the others.
 */
package tw.training.moderation;
