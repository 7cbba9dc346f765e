package tw.training.onboarding;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Tokens of 256 random bits, written base64url (43 characters) into a link; the database keeps only their SHA-256, so
 * whoever reads it cannot use a link. Issuing one for a purpose ends the user's earlier ones for it; spending is one
 * conditional update, so two requests racing with one link spend it once.
 */
@Singleton
class OneTimeTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountTokenRepository tokens;
    private final Clock clock;

    OneTimeTokens(AccountTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A token just issued, and until when it works. */
    record Issued(String token, Instant expiresAt) {
    }

    /** Issues a token, within the caller's transaction. */
    Issued issue(long userId, TokenPurpose purpose, Duration validFor) {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        tokens.replace(userId, purpose, now);
        Instant expires = now.plus(validFor);
        tokens.save(new AccountToken(null, userId, purpose, hash(token), now, expires, null, null));
        return new Issued(token, expires);
    }

    /** The token's row if it still works. */
    Optional<AccountToken> working(String token, TokenPurpose purpose) {
        return tokens.working(hash(token), purpose, clock.instant());
    }

    /** Spends the token if it still works, answering its row; empty if it did not (used, replaced, expired, unknown). */
    Optional<AccountToken> spend(String token, TokenPurpose purpose) {
        Optional<AccountToken> found = working(token, purpose);
        if (found.isEmpty() || tokens.spend(found.get().tokenHash(), purpose, clock.instant()) == 0) {
            return Optional.empty();
        }
        return found;
    }

    /** Ends the user's working tokens of a purpose (their password was set another way). */
    void endAll(long userId, TokenPurpose purpose) {
        tokens.replace(userId, purpose, clock.instant());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
