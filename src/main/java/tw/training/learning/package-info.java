/**
 * E-learning (issue 18): what learners study in a course's modules (lessons in Markdown rendered to HTML that can carry
 * no script, stored files answering byte ranges, links), part of the course revision, and learning activity: which
 * materials each learner studied, shown beside competency progress and never counted as evidence.
 */
package tw.training.learning;
