package tw.training.account;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.util.Optional;

/**
 * Argon2id hashes (salted, memory-hard; parameters of Spring Security 5.8's defaults) and the password rule.
 * Only hashes are ever stored; a password is never logged or returned.
 */
@Singleton
public class Passwords {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** Checked against when the username is unknown, so that a wrong name costs as long as a wrong password. */
    private volatile String decoy;

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    void spendTheTimeOfACheck(String password) {
        if (decoy == null) {
            // made on first need rather than at start: a hash costs tens of milliseconds
            decoy = encoder.encode("decoy password that matches nothing");
        }
        encoder.matches(password, decoy);
    }

    /** What is wrong with a proposed password, if anything. */
    static Optional<String> weakness(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password must have at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank() || password.equalsIgnoreCase(username)) {
            return Optional.of("password must not be blank nor the username");
        }
        return Optional.empty();
    }
}
