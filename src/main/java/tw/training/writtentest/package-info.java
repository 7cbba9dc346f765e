/**
 * Online written tests, the WRITTEN_TEST assessment method (issue 18): a course's item bank (single and multiple choice,
 * true/false, short answer; imported from CSV or Moodle GIFT), its tests (indicators, items drawn per indicator, pass
 * marks, time limit, attempts, when learners see right and wrong and the key, an optional closing time), and learners'
 * attempts (drawing the items a learner has not seen first), whose closing records evidence and the system's
 * judgements so that progress moves through the ledger like any judgement.
 */
package tw.training.writtentest;
