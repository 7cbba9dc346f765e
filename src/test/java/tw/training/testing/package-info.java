/**
 * Test support shared by the features' tests: a fresh database per test class, on H2 or on a real
 * PostgreSQL started from Maven-provided binaries, chosen by the {@code test.database} system property.
 */
package tw.training.testing;
