package tw.training.account;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A user as administrators and the user themself see them; never with a password or its hash. {@code language} is the
 * language of their mail; {@code invitationPending} that they were invited and have not yet chosen a password;
 * {@code ssoOnly} that they sign in through their institution's provider only, never with a password here.
 */
@Serdeable
public record UserResponse(long id, String username, String displayName, String email, List<String> roles,
                           boolean enabled, Instant createdAt, String language, boolean invitationPending, boolean ssoOnly) {

    static UserResponse of(User user) {
        return new UserResponse(user.id(), user.username(), user.displayName(), user.email(),
                Roles.ALL.stream().filter(user.roles()::contains).toList(), user.enabled(), user.createdAt(), user.language(),
                !Passwords.isHash(user.passwordHash()) && !user.username().equals(SystemAccount.USERNAME) && !user.ssoOnly(), user.ssoOnly());
    }
}
