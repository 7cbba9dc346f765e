package tw.training.account;

import tw.training.phrase.Phrase;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import tw.training.problem.Text;

import java.util.Locale;
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

    /** What an invited user's row holds until they choose a password: no hash, so nothing matches it. */
    static final String NONE = "!invited";

    /** Whether a stored value is a password's hash (not {@link #NONE}, nor the system account's mark). */
    static boolean isHash(String stored) {
        return stored.startsWith("$argon2");
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    /** Whether the password is the one of the hash; text no password can be (half a surrogate) never is. */
    boolean matches(String password, String hash) {
        if (!Text.isWellFormed(password) || !hash.startsWith("$argon2")) {
            // the system account's hash is no hash at all: nothing matches it, in the time a check takes
            spendTheTimeOfACheck(password);
            return false;
        }
        return encoder.matches(password, hash);
    }

    void spendTheTimeOfACheck(String password) {
        if (decoy == null) {
            // made on first need rather than at start: a hash costs tens of milliseconds
            decoy = encoder.encode("decoy password that matches nothing");
        }
        // the encoder refuses text that is not valid Unicode; the time spent must not differ
        encoder.matches(Text.isWellFormed(password) ? password : "not a password", decoy);
    }

    /** What is wrong with a proposed password, if anything (NIST SP 800-63B §5.1.1.2). */
    static Optional<Phrase> weakness(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(Phrase.of("password.too-short", MIN_LENGTH));
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(Phrase.of("password.too-long", MAX_LENGTH));
        }
        Optional<Phrase> notText = Text.fault(password).map(fault -> Phrase.of("password.not-text", fault));
        if (notText.isPresent()) {
            return notText;
        }
        if (password.isBlank() || username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(Phrase.of("password.contains-username"));
        }
        if (isRepetitiveOrSequential(password)) {
            return Optional.of(Phrase.of("password.repetitive"));
        }
        if (CommonPasswords.contains(password)) {
            return Optional.of(Phrase.of("password.common"));
        }
        return Optional.empty();
    }

    /** One character over and over, or every character one up (or one down) from the one before. */
    static boolean isRepetitiveOrSequential(String password) {
        int[] points = password.codePoints().toArray();
        boolean same = true;
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < points.length; i++) {
            same &= points[i] == points[i - 1];
            up &= points[i] == points[i - 1] + 1;
            down &= points[i] == points[i - 1] - 1;
        }
        return same || up || down;
    }
}
