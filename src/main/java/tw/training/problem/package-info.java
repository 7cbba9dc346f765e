/**
 * The few plain failures every feature may signal (not found, conflict, invalid input, forbidden). They
 * carry what a client needs to mend its request and nothing about HTTP; {@code web} turns them into
 * problem+json responses.
 */
package tw.training.problem;
