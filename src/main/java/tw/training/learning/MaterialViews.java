package tw.training.learning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** What the materials API takes and answers (SPEC §11). */
public final class MaterialViews {

    private MaterialViews() {
    }

    /**
     * A material. A lesson carries its Markdown and the HTML it renders to (sanitized, ready to show); a link its URL;
     * a file its record, its bytes at {@code fileUrl}. {@code doneAt} is when the signed-in learner studied it.
     */
    @Serdeable
    public record Material(long id, long moduleId, int position, MaterialKind kind, String title, @Nullable String markdown,
                           @Nullable String html, @Nullable String url, @Nullable File file, @Nullable String fileUrl,
                           @Nullable Instant doneAt) {
    }

    @Serdeable
    public record File(String filename, long size, String sha256, String contentType) {
    }

    /** A new lesson or link (a file comes as multipart: a part {@code metadata} with its title, a part {@code file}). */
    @Serdeable
    public record NewMaterial(@Nullable String kind, @Nullable String title, @Nullable String markdown, @Nullable String url) {
    }

    /** A change: the title, the lesson's text or the link's URL, and where in the module it stands (1 is first). */
    @Serdeable
    public record Change(@Nullable String title, @Nullable String markdown, @Nullable String url, @Nullable Integer position) {
    }

    /** The learner studied a material, at the first time they said so. */
    @Serdeable
    public record Done(long materialId, Instant doneAt) {
    }
}
