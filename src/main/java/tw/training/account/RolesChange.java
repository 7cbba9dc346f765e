package tw.training.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The complete new set of a user's roles. */
@Serdeable
public record RolesChange(@Nullable List<String> roles) {
}
