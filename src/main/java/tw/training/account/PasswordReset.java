package tw.training.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** An administrator setting a user's password. */
@Serdeable
public record PasswordReset(@Nullable String password) {

    @Override
    public String toString() {
        return "PasswordReset[***]";
    }
}
