/**
 * The assessors' pages: a course's queue of evidence awaiting judgement; a piece of evidence judged indicator by
 * indicator (MET or NOT_YET with a comment); and the judging grid, a course's learners by the indicators of one task
 * or method, whose chosen cells are judged at once. Both save through the same all-or-nothing batch as the API; the
 * grid first checks that no chosen cell changed since its page was read, and reports those that did.
 */
package tw.training.assessing;
