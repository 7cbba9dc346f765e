package tw.training.catalogue.document;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A whole iCAP document. Absent parts are empty lists or null, never omitted, so clients can rely on the shape.
 *
 * @param title the heading printed above the tables (e.g. 『行銷業務人員』職能模型-定稿), kept because it can say
 *              more than {@code name}
 */
@Serdeable
public record CompetencyDocument(
        String code,
        DocumentKind kind,
        String name,
        @Nullable String title,
        @Nullable Integer level,
        @Nullable String field,
        @Nullable String description,
        @Nullable Classification jobCategory,
        @Nullable Classification occupation,
        @Nullable Classification industry,
        List<Version> versions,
        List<Responsibility> responsibilities,
        List<Task> tasks,
        List<Definition> knowledge,
        List<Definition> skills,
        List<Attitude> attitudes,
        List<Note> notes,
        Assessment assessment) {

    public int indicatorCount() {
        return tasks.stream().mapToInt(task -> task.indicators().size()).sum();
    }
}
