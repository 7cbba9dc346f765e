package tw.training.evidence;

import io.micronaut.http.exceptions.ContentLengthExceededException;
import tw.training.evidence.storage.StagedFile;
import tw.training.evidence.storage.Staging;
import tw.training.problem.InvalidInputException;
import tw.training.problem.PayloadTooLargeException;
import tw.training.web.MultipartReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A submission as it arrives: the {@code file} parts and the parts that say what the evidence claims, in whatever
 * order the client sent them. Files stream to staging as they come; what the other parts claim is checked by
 * {@link Fields} (for the API, the moment its {@code metadata} part is read, so that a wrong claim is refused
 * before any file after it is read). Whatever fails, no staged file is left.
 *
 * @param claim what the submission claims, checked against the enrollment's plan
 * @param files the staged files, in the order they came
 */
record Submission(EvidenceService.Claim claim, List<StagedFile> files) {

    /** The limits a submission is held to. */
    record Limits(long maxFileSize, int maxFiles) {
    }

    private static final int MAX_METADATA_BYTES = 64 * 1024;

    /** The parts other than files: what the evidence claims, in the shape a client sends it. */
    interface Fields {

        /** A part not named {@code file}; refuses (422) one it does not know. */
        void field(String name, InputStream content) throws IOException;

        /** A file part comes next: refuse now (by an exception) if nothing of it may be stored yet. */
        default void beforeFile() {
        }

        /** Once the body is read: the claim, checked, or a refusal naming what is missing or wrong. */
        EvidenceService.Claim claim();
    }

    /** Reads every part of the body. */
    static Submission read(MultipartReader parts, Staging staging, Limits limits, Fields fields) {
        List<StagedFile> staged = new ArrayList<>();
        boolean complete = false;
        try {
            for (Optional<MultipartReader.Part> next = parts.next(); next.isPresent(); next = parts.next()) {
                MultipartReader.Part part = next.get();
                if (!part.name().equals("file")) {
                    fields.field(part.name(), part.content());
                    continue;
                }
                fields.beforeFile();
                String field = "file[" + staged.size() + "]";
                if (staged.size() >= limits.maxFiles()) {
                    throw new PayloadTooLargeException("evidence.most-files-per-piece-evidence", limits.maxFiles());
                }
                if (part.filename() == null || part.filename().isBlank()) {
                    throw InvalidInputException.of(field, "evidence.part-file-needs-file-name");
                }
                staged.add(staging.stage(part.content(), part.filename(), limits.maxFileSize(), field));
            }
            Submission submission = new Submission(fields.claim(), List.copyOf(staged));
            complete = true;
            return submission;
        } catch (MultipartReader.BodyInterruptedException | ContentLengthExceededException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be staged", e);
        } finally {
            if (!complete) {
                staged.forEach(Staging::discard);
            }
        }
    }

    /** A text part, bounded: no claim is larger than this. */
    static String text(String name, InputStream content) throws IOException {
        byte[] bytes = content.readNBytes(MAX_METADATA_BYTES + 1);
        if (bytes.length > MAX_METADATA_BYTES) {
            throw new PayloadTooLargeException("evidence.part-larger-than", shown(name), PayloadTooLargeException.size(MAX_METADATA_BYTES));
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A part name as an error may name it: printable, and short. */
    static String shown(String name) {
        String printable = name.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }

    /** What a failure to read the body means to the client (if one is still there to read the answer). */
    private static RuntimeException failure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ContentLengthExceededException tooLong) {
                return new PayloadTooLargeException("web.body-too-large");
            }
        }
        return InvalidInputException.of("body", "evidence.upload-was-interrupted-before-it");
    }
}
