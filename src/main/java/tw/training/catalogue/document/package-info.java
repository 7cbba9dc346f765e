/**
 * The iCAP competency document as a value: what a standard (職能基準), model (職能模型) or unit (職能單元)
 * says, reconstructed from its published text. Pure records, no behaviour and no storage; the parser builds
 * them, the catalogue stores and serves them in the shape SPEC §2 fixes.
 */
package tw.training.catalogue.document;
