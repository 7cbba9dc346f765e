/**
 * Revisions of catalogue documents: a crosswalk says, for each task and indicator of an older version of a standard,
 * what became of it in the newer one (EQUIVALENT, PARTIAL, NONE; and which of the newer's items are NEW). The service
 * proposes one from codes and the similarity of texts, a person confirms it, and only a confirmed crosswalk carries a
 * course's plan and its learners' progress from one version to the next.
 */
package tw.training.revision;
