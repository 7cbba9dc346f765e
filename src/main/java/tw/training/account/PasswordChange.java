package tw.training.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A user changing their own password proves they know the current one. */
@Serdeable
public record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {

    @Override
    public String toString() {
        return "PasswordChange[***]";
    }
}
