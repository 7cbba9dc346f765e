/**
 * What operators measure: the Prometheus text at {@code /metrics} (request timings per route, JVM, connection pool,
 * and business counters). Features report business events here; this package knows nothing of them.
 */
package tw.training.metrics;
