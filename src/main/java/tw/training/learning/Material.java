package tw.training.learning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * A row of {@code material}: one thing to study in a module, in order. Which columns are set depends on the kind:
 * a lesson's Markdown {@code body}, a link's {@code url}, a file's stored key and record.
 *
 * @param lineageId the material this one was copied from into a later revision (the first of its line has none)
 */
@MappedEntity("material")
record Material(@Id @GeneratedValue @MappedProperty("material_id") @Nullable Long id, long moduleId, @Nullable Long lineageId,
                int sortOrder, MaterialKind kind, String title, @Nullable String body, @Nullable String url,
                @Nullable String storageKey, @Nullable String filename, @Nullable String contentType,
                @Nullable @MappedProperty("size_bytes") Long size, @Nullable String sha256, Instant createdAt) {

    /** The id shared by every copy of this material across revisions. */
    long line() {
        return lineageId == null ? id : lineageId;
    }

    Material withText(String title, @Nullable String body, @Nullable String url) {
        return new Material(id, moduleId, lineageId, sortOrder, kind, title, body, url, storageKey, filename, contentType, size, sha256, createdAt);
    }

    Material at(int position) {
        return new Material(id, moduleId, lineageId, position, kind, title, body, url, storageKey, filename, contentType, size, sha256, createdAt);
    }
}
