package tw.training.transparency;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Roles;
import tw.training.problem.NotFoundException;
import tw.training.web.PlainText;

import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.List;

/**
 * The log, public: the latest signed checkpoint (C2SP signed note, as text), every checkpoint, inclusion and
 * consistency proofs between signed sizes, the verifier key; and, for administrators, the export an auditor replays.
 */
@PlainText
@Controller
@Tag(name = "transparency log")
class TransparencyController {

    private static final Logger LOG = LoggerFactory.getLogger(TransparencyController.class);
    private static final MediaType NDJSON = new MediaType("application/x-ndjson");
    /** What the export's writer may run ahead of the client. */
    private static final int PIPE = 64 * 1024;

    private final TransparencyLog log;
    private final ExecutorService blocking;

    TransparencyController(TransparencyLog log, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.log = log;
        this.blocking = blocking;
    }

    @Get(value = "/transparency/checkpoint", produces = MediaType.TEXT_PLAIN)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "The latest signed checkpoint: a C2SP signed note (origin, tree size, root hash, time; an Ed25519 signature line)")
    String checkpoint() {
        return log.latest().map(TransparencyLog.Listed::note).orElseThrow(() -> new NotFoundException("transparency.no-checkpoint-yet"));
    }

    @Get("/transparency/checkpoints")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Every signed checkpoint, newest first")
    List<TransparencyLog.Listed> checkpoints() {
        return log.all();
    }

    @Get(value = "/transparency/key", produces = MediaType.TEXT_PLAIN)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "The verifier key of the log's checkpoints: <origin>+<key hash>+<base64 key>, the service's published Ed25519 key")
    String key() {
        return log.verifierKey() + "\n";
    }

    @Get("/transparency/proof/inclusion")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "The inclusion proof of a leaf (index from 0) in the tree of a signed checkpoint's size")
    TransparencyLog.Inclusion inclusion(@QueryValue long leaf, @QueryValue long size) {
        return log.inclusion(leaf, size);
    }

    @Get("/transparency/proof/consistency")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "The consistency proof between two signed checkpoints' sizes")
    TransparencyLog.Consistency consistency(@QueryValue long from, @QueryValue long to) {
        return log.consistency(from, to);
    }

    @Get(value = "/api/transparency/export", produces = "application/x-ndjson")
    @Secured(Roles.ADMIN)
    @Operation(summary = "Every leaf's content as it stands now, a JSON object a line, for audit-verify replay (holds private records: administrators)")
    HttpResponse<StreamedFile> export() throws IOException {
        // streamed: written batch by batch into a pipe the response reads from, never the whole log in memory
        PipedInputStream in = new PipedInputStream(PIPE);
        PipedOutputStream out = new PipedOutputStream(in);
        blocking.execute(() -> {
            try (Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                log.export(writer);
            } catch (IOException | RuntimeException e) {
                // the client went away, or a read failed: the export ends short, which a replay reports
                LOG.warn("The transparency export stopped: {}", e.toString());
            }
        });
        return HttpResponse.ok(new StreamedFile(in, NDJSON));
    }
}
