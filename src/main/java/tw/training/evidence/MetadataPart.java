package tw.training.evidence;

import io.micronaut.json.JsonMapper;
import tw.training.problem.InvalidInputException;
import tw.training.problem.Text;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * The API's claim (SPEC §4): one part {@code metadata}, JSON {@code {method, title, description, indicators}}, checked
 * against the plan the moment it is read.
 */
final class MetadataPart implements Submission.Fields {

    private final JsonMapper json;
    private final Function<Views.SubmitMetadata, EvidenceService.Claim> check;
    private EvidenceService.Claim claim;

    MetadataPart(JsonMapper json, Function<Views.SubmitMetadata, EvidenceService.Claim> check) {
        this.json = json;
        this.check = check;
    }

    @Override
    public void field(String name, InputStream content) throws IOException {
        if (!name.equals("metadata")) {
            throw InvalidInputException.of(Submission.shown(name), "evidence.unknown-part-submission-has-one");
        }
        if (claim != null) {
            throw InvalidInputException.of("metadata", "evidence.send-one-part-metadata-not");
        }
        claim = check.apply(metadata(Submission.text(name, content)));
    }

    @Override
    public EvidenceService.Claim claim() {
        if (claim == null) {
            throw InvalidInputException.of("metadata", "evidence.part-metadata-missing");
        }
        return claim;
    }

    private Views.SubmitMetadata metadata(String metadata) {
        if (metadata.isBlank()) {
            throw InvalidInputException.of("metadata", "evidence.part-metadata-empty");
        }
        Views.SubmitMetadata read;
        try {
            read = json.readValue(metadata, Views.SubmitMetadata.class);
        } catch (IOException | RuntimeException e) {
            read = null;
        }
        if (read == null) {
            throw InvalidInputException.of("metadata", "evidence.metadata-must-json-object-method");
        }
        Text.requirePlain("metadata", read);
        return read;
    }
}
