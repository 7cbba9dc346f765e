/**
 * The assessors' pages: a course's queue of evidence awaiting judgement, and a piece of evidence judged indicator by
 * indicator (MET or NOT_YET with a comment) through the same all-or-nothing batch as the API.
 */
package tw.training.assessing;
