package tw.training.account;

/**
 * Who holds an account, as mail to them needs it: where to write, in which language, and whether they have chosen a
 * password yet (an invited user has not), and whether they sign in through their institution only.
 */
public record AccountHolder(long userId, String username, String displayName, String email, String language, boolean enabled,
                            boolean hasPassword, boolean ssoOnly) {

    static AccountHolder of(User user) {
        return new AccountHolder(user.id(), user.username(), user.displayName(), user.email(), user.language(), user.enabled(),
                Passwords.isHash(user.passwordHash()), user.ssoOnly());
    }
}
