/**
 * E-learning (issue 18), begun: what learners study in a course's modules. So far the lesson text: Markdown a trainer
 * writes, rendered to HTML that can carry no script into a learner's page.
 */
package tw.training.learning;
