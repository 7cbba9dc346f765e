/**
 * Benchmarks run by hand with one command each (see README), printing the figures the issues ask for.
 * They are not tests: surefire never runs them, since timings on a shared machine prove nothing in CI.
 */
package tw.training.bench;
