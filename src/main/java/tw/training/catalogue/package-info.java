/**
 * The iCAP competency catalogue: imports standards (職能基準), models (職能模型) and units (職能單元) exactly as
 * published, keeps them, and answers what they say. An imported document never changes: the same code with
 * other content is refused, so courses aligned to it can rely on it. It knows nothing of courses.
 */
package tw.training.catalogue;
