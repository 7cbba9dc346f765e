package tw.training.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** SPEC §7: {@code POST /login}. */
@Serdeable
record LoginRequest(@Nullable String username, @Nullable String password) {
}
