package tw.training.thirdparty;

import java.time.Instant;

/** A third-party report was signed: published in the transaction that froze it, so what listeners write commits with it. */
public record ReportSigned(long requestId, long enrollmentId, String reportHash, Instant signedAt) {
}
