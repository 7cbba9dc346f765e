package tw.training.course.dossier;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import tw.training.catalogue.document.DocumentKind;
import tw.training.course.CourseStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The accreditation dossier of a course revision: the iCAP competency-based course table, module by module,
 * each standard task with its level, indicators, knowledge, skills, attitudes and the assessment methods of
 * each indicator, and the source documents with their codes and versions.
 *
 * @param unassignedTasks aligned tasks that no module covers
 */
@Serdeable
public record Dossier(Course course, List<SourceDocument> documents, List<Module> modules, List<Task> unassignedTasks,
                      Instant generatedAt) {

    @Serdeable
    public record Course(long id, String code, String title, @Nullable String description, BigDecimal hours,
                         CourseStatus status, int revision, String revisionStatus, @Nullable Instant publishedAt,
                         String owner, List<String> trainers) {
    }

    /** A document the course aligns to, with its current version as the catalogue holds it. */
    @Serdeable
    public record SourceDocument(String code, String name, DocumentKind kind, @Nullable Integer level,
                                 @Nullable String version, @Nullable LocalDate versionDate) {
    }

    @Serdeable
    public record Module(int position, String title, BigDecimal hours, @Nullable String description, List<Task> tasks) {
    }

    @Serdeable
    public record Task(String id, String standardCode, String code, String title, @Nullable Integer level,
                       List<Item> outputs, List<Indicator> indicators, List<Item> knowledge, List<Item> skills,
                       List<Item> attitudes) {
    }

    @Serdeable
    public record Indicator(String id, String code, String text, List<Method> methods) {
    }

    /** A work output, knowledge, skill or attitude: its code and text (an attitude's name). */
    @Serdeable
    public record Item(String code, String text) {
    }

    @Serdeable
    public record Method(String code, String name) {
    }
}
