package tw.training.xapi;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
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
 * Sends the outbox to the configured LRS ({@code app.xapi.lrs.url}, Basic credentials), in order, a batch at a time, while
 * holding the batch's rows: a batch the LRS took is marked sent in the same transaction, one it refused or that failed is
 * retried with back-off (2, 4, 8 … seconds, at most 10 minutes), and nothing after it is sent meanwhile. A crash between
 * the LRS taking a batch and the commit sends it again after restart with the same statement ids, which an LRS takes as
 * the same statements: never lost, never sent twice under different ids.
 */
@Singleton
@Requires(property = "app.xapi.lrs.url")
class XapiSender {

    private static final Logger LOG = LoggerFactory.getLogger(XapiSender.class);
    private static final int BATCH = 50;
    private static final Duration MAX_BACK_OFF = Duration.ofMinutes(10);

    private final XapiRepository statements;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final URI endpoint;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    XapiSender(XapiRepository statements, TransactionOperations<Connection> transactions, Clock clock,
               @Value("${app.xapi.lrs.url}") String url, @Value("${app.xapi.lrs.username:}") String username,
               @Value("${app.xapi.lrs.password:}") String password) {
        this.statements = statements;
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
        return transactions.executeWrite(status -> {
            Instant now = clock.instant();
            List<XapiStatement> due = statements.due(now, BATCH);
            if (due.isEmpty() || !statements.firstUnsent().map(first -> first.equals(due.get(0).statementSeq())).orElse(false)) {
                return 0;
            }
            List<Long> seqs = due.stream().map(XapiStatement::statementSeq).toList();
            String body = "[" + String.join(",", due.stream().map(XapiStatement::statement).toList()) + "]";
            String error;
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("X-Experience-API-Version", "1.0.3")
                        .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 == 2) {
                    statements.sent(seqs, now);
                    return seqs.size();
                }
                error = "the LRS answered " + answer.statusCode();
            } catch (IOException e) {
                error = "the LRS cannot be reached: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            }
            int attempts = due.get(0).attempts() + 1;
            Duration wait = Duration.ofSeconds(1L << Math.min(attempts, 9));
            statements.failed(seqs, now.plus(wait.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : wait),
                    error.length() > 500 ? error.substring(0, 500) : error);
            return 0;
        });
    }
}
