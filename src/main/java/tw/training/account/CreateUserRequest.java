package tw.training.account;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * SPEC §7: {@code POST /api/users}. Checked by {@link AccountService}, which names every field at fault. With
 * {@code invite: true} and no password the user is sent an invitation to choose their own (issue 31); {@code language}
 * ({@code zh-TW}, the default, or {@code en}) is the language of the mail they receive.
 */
@Serdeable
public record CreateUserRequest(@Nullable String username, @Nullable String displayName, @Nullable String email,
                                @Nullable String password, @Nullable List<String> roles, @Nullable Boolean invite,
                                @Nullable String language) {

    @Creator
    public CreateUserRequest {
    }

    /** A user with a password, writing in Traditional Chinese. */
    public CreateUserRequest(@Nullable String username, @Nullable String displayName, @Nullable String email, @Nullable String password,
                             @Nullable List<String> roles) {
        this(username, displayName, email, password, roles, null, null);
    }

    boolean invited() {
        return Boolean.TRUE.equals(invite);
    }

    @Override
    public String toString() {
        return "CreateUserRequest[username=" + username + ", roles=" + roles + ", invite=" + invite + "]";
    }
}
