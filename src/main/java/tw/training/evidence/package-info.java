/**
 * The evidence portfolio and its judgements: learners submit evidence of one assessment method claiming
 * indicators of their course plan, with files; the course's trainers judge each claimed indicator MET or
 * NOT_YET, one at a time or many at once. Judgements are appended, never changed; evidence is immutable once
 * judged. Nobody but the learner, the course's trainers and admins ever sees a piece of evidence.
 */
package tw.training.evidence;
