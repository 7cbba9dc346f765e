package tw.training.evidence;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.evidence.storage.Staging;
import tw.training.metrics.BusinessMetrics;
import tw.training.problem.InvalidInputException;
import tw.training.web.MultipartReader;

import java.io.IOException;
import java.io.InputStream;

/**
 * Takes in a submission, from the API or from the evidence page's form: the body read here as a stream, part by
 * part (Micronaut's own binding would hold a file in memory when it comes before the part a route waits for),
 * the files staged within their limits, and the evidence recorded with them or not at all.
 */
@Singleton
public class EvidenceIntake {

    private final EvidenceService evidence;
    private final Staging staging;
    private final Submission.Limits limits;
    private final BusinessMetrics metrics;

    EvidenceIntake(EvidenceService evidence, Staging staging, BusinessMetrics metrics,
                   @ReadableBytes @Value("${app.evidence.max-file-size:100MB}") long maxFileSize,
                   @Value("${app.evidence.max-files:10}") int maxFiles) {
        this.evidence = evidence;
        this.staging = staging;
        this.limits = new Submission.Limits(maxFileSize, maxFiles);
        this.metrics = metrics;
    }

    /** The largest file a submission takes, in bytes (the page tells the learner before they upload). */
    public long maxFileSize() {
        return limits.maxFileSize();
    }

    public int maxFiles() {
        return limits.maxFiles();
    }

    /** The evidence page's form. */
    public EvidenceService.Received receive(long enrollmentId, HttpRequest<?> request, FormFields form, Actor actor) throws IOException {
        form.checkWith(metadata -> evidence.check(enrollmentId, metadata, actor));
        return receive(enrollmentId, request, (Submission.Fields) form);
    }

    EvidenceService.Received receive(long enrollmentId, HttpRequest<?> request, Submission.Fields fields) throws IOException {
        String boundary = MultipartReader.boundaryOf(request.getHeaders().get(HttpHeaders.CONTENT_TYPE))
                .orElseThrow(() -> InvalidInputException.of("Content-Type", "evidence.multipart-form-data-needs-boundary"));
        try (InputStream body = ((ServerHttpRequest<?>) request).byteBody().toInputStream()) {
            Submission submission = Submission.read(new MultipartReader(body, boundary), staging, limits, fields);
            EvidenceService.Received submitted = evidence.submit(enrollmentId, submission.claim(), submission.files());
            if (!submitted.repeated()) {
                metrics.evidenceSubmitted();
            }
            return submitted;
        }
    }
}
