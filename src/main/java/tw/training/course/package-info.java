/**
 * Courses and their assessment plans: a course aligns to tasks of catalogue documents (whole tasks or some of
 * their indicators), each aligned indicator requires one or more assessment methods, and modules say which
 * aligned tasks each session covers. The plan lives in revisions, so a published plan never changes under
 * the learners who joined it; changing it opens a new draft. Only a course's trainers and admins see it.
 */
package tw.training.course;
