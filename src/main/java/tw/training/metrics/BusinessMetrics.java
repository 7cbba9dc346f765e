package tw.training.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

/**
 * The counters of what the service is for. Features call these once their transaction has committed, so a count
 * never includes what was rolled back. Made at start, so each counter is scraped (at 0) before its first event: a rate
 * over a series that appears only then would miss the first increase.
 */
@Context
public class BusinessMetrics {

    private final Counter evidenceSubmitted;
    private final Counter judgementsRecorded;
    private final Counter certificatesIssued;

    BusinessMetrics(MeterRegistry registry) {
        evidenceSubmitted = Counter.builder("competency.evidence.submitted").description("Pieces of evidence submitted").register(registry);
        judgementsRecorded = Counter.builder("competency.judgements.recorded").description("Judgements recorded").register(registry);
        certificatesIssued = Counter.builder("competency.certificates.issued").description("Certificates issued").register(registry);
    }

    public void evidenceSubmitted() {
        evidenceSubmitted.increment();
    }

    public void judgementsRecorded(int count) {
        judgementsRecorded.increment(count);
    }

    public void certificateIssued() {
        certificatesIssued.increment();
    }
}
