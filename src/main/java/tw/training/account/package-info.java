/**
 * Accounts and access: users with roles (ADMIN, TRAINER, LEARNER), their passwords (Argon2id hashes only),
 * administration of users, the signed-in {@link tw.training.account.Actor} every feature receives, and the
 * one rule features use to keep what belongs to someone to that someone. Sign-in and tokens live in
 * {@code login}, the security audit trail in {@code audit}.
 */
package tw.training.account;
