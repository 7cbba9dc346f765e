package tw.training.course.dossier;

import io.micronaut.serde.annotation.Serdeable;
import tw.training.catalogue.document.DocumentKind;
import tw.training.course.AssessmentMethod;

import java.util.List;
import java.util.Map;

/**
 * What a course revision covers of each document it aligns to, which indicators each method assesses, and
 * what is not covered at all.
 */
@Serdeable
public record Coverage(long courseId, int revision, List<DocumentCoverage> documents,
                       Map<AssessmentMethod, List<String>> indicatorsByMethod, List<String> indicatorsWithoutMethod) {

    /** One aligned document: its tasks, indicators, knowledge, skills and attitudes, covered or not. */
    @Serdeable
    public record DocumentCoverage(String code, String name, DocumentKind kind, Part tasks, Part indicators,
                                   Part knowledge, Part skills, Part attitudes) {
    }

    /**
     * Codes covered and not covered. {@code documentWide} marks K, S or A that the document lists for itself
     * rather than per task (a unit's knowledge and skills, attitudes of a standard without a task matrix):
     * those count as covered once any task of the document is aligned.
     */
    @Serdeable
    public record Part(List<String> covered, List<String> uncovered, boolean documentWide) {
    }
}
