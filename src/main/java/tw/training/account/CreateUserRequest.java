package tw.training.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** SPEC §7: {@code POST /api/users}. Checked by {@link AccountService}, which names every field at fault. */
@Serdeable
public record CreateUserRequest(@Nullable String username, @Nullable String displayName, @Nullable String email,
                                @Nullable String password, @Nullable List<String> roles) {

    @Override
    public String toString() {
        return "CreateUserRequest[username=" + username + ", roles=" + roles + "]";
    }
}
