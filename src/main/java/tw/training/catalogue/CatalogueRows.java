package tw.training.catalogue;

import jakarta.inject.Singleton;

/** The catalogue's repositories, one per table, as the store writes a document and the queries read it back. */
@Singleton
record CatalogueRows(StandardRows standards, VersionRows versions, ResponsibilityRows responsibilities, TaskRows tasks,
                     WorkOutputRows outputs, IndicatorRows indicators, CompetenceRows competences, TaskCompetenceRows taskCompetences,
                     FootnoteRows footnotes, NoteRows notes, GuidanceRows guidance) {

    /** The sections of a unit's assessment guidance, as {@code assessment_guidance.section} names them. */
    static final String EVIDENCE_ASPECT = "EVIDENCE_ASPECT";
    static final String CONTEXT = "CONTEXT";
    static final String METHOD = "METHOD";
}
