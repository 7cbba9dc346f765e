package tw.training.account;

/**
 * A user was created without a password, to be invited to choose one; published inside the transaction that created
 * them, so the invitation exists exactly when the user does.
 */
public record AccountInvited(AccountHolder holder, String actor) {
}
