package tw.training.evidence.storage;

import java.nio.file.Path;

/** An upload written to the staging folder, checked, with what was learnt while writing it. */
public record StagedFile(Path path, String filename, String contentType, long size, String sha256) {
}
