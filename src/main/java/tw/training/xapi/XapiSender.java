package tw.training.xapi;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Sends the statements to the configured LRS ({@code app.xapi.lrs.url}, Basic credentials), in order, a batch at a time,
 * from the cursor: the statements after its position ({@link XapiStatements}), derived from the records when sent. The
 * batch is sent while the cursor's row is locked, and a batch the LRS took moves the cursor in that same transaction, so
 * of two instances one sends and the other finds the row taken and waits its turn. One refused or failed is retried with
 * back-off (2, 4, 8 … seconds, at most 10 minutes), and nothing after it is sent meanwhile. A crash between the LRS taking
 * a batch and the commit sends it again after restart with the same statement ids (named by their records), which an LRS
 * takes as the same statements: never lost, never sent twice under different ids.
 */
@Singleton
@Requires(property = "app.xapi.lrs.url")
// the server sends; a command of the jar (rebuild-progress, import…) sends nothing and needs none of what sending needs
@Requires(notEnv = Environment.CLI)
class XapiSender {

    private static final Logger LOG = LoggerFactory.getLogger(XapiSender.class);
    private static final int BATCH = 50;
    private static final Duration MAX_BACK_OFF = Duration.ofMinutes(10);

    private final XapiStatements statements;
    private final XapiCursorRepository cursor;
    private final XapiRepository rows;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final URI endpoint;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    XapiSender(XapiStatements statements, XapiCursorRepository cursor, XapiRepository rows, TransactionOperations<Connection> transactions,
               Clock clock, @Value("${app.xapi.lrs.url}") String url, @Value("${app.xapi.lrs.username:}") String username,
               @Value("${app.xapi.lrs.password:}") String password) {
        this.statements = statements;
        this.cursor = cursor;
        this.rows = rows;
        this.transactions = transactions;
        this.clock = clock;
        this.endpoint = URI.create(url.replaceAll("/+$", "") + "/statements");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Scheduled(fixedDelay = "${app.xapi.send-every:2s}", initialDelay = "${app.xapi.send-every:2s}")
    void sendDue() {
        try {
            while (sendBatch() == BATCH) {
                // a full batch went: there may be more
            }
        } catch (RuntimeException e) {
            LOG.warn("xAPI statements not sent now ({}); they are sent later", e.toString());
        }
    }

    /** One batch, in its own transaction; answers how many the LRS took. */
    int sendBatch() {
        statements.sequence();
        return transactions.executeWrite(status -> {
            Instant now = clock.instant();
            XapiCursor at = cursor.lockUnlessSending().orElse(null);
            if (at == null || at.nextAttemptAt() != null && now.isBefore(at.nextAttemptAt())) {
                return 0;
            }
            List<XapiStatements.Told> due = statements.after(at.position(), null, null, null, null, BATCH);
            if (due.isEmpty()) {
                return 0;
            }
            String body = "[" + String.join(",", due.stream().map(XapiStatements.Told::statement).toList()) + "]";
            String error;
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("X-Experience-API-Version", "1.0.3")
                        .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 == 2) {
                    cursor.advance(due.get(due.size() - 1).position());
                    List<Long> sentRows = due.stream().map(XapiStatements.Told::rowSeq).filter(seq -> seq != null).toList();
                    if (!sentRows.isEmpty()) {
                        rows.sent(sentRows, now);
                    }
                    return due.size();
                }
                error = "the LRS answered " + answer.statusCode();
            } catch (IOException e) {
                error = "the LRS cannot be reached: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            }
            Duration wait = Duration.ofSeconds(1L << Math.min(at.attempts() + 1, 9));
            cursor.failed(now.plus(wait.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : wait), error.length() > 500 ? error.substring(0, 500) : error);
            return 0;
        });
    }
}
