/**
 * The certification report (SPEC §6) for administrators and auditors: every enrollment of a course with its
 * progress (from the progress service, so the two never disagree), what each learner has tried short of meeting,
 * completion date and certificate, as HTML, CSV and PDF, with a completion chart and a learners × indicators heat map
 * drawn as SVG on the server.
 */
package tw.training.report;
