package tw.training.badge;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.problem.ConfigurationProblem;
import tw.training.startup.CheckedAtStart;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code APP_BADGES_PUBLISHED_KEYS}: public keys the issuer's profile lists beside the one that signs, so that a rotation
 * of {@code APP_BADGES_SIGNING_KEY} leaves every credential already handed out verifiable. A retired key signed what
 * learners keep in their wallets; a key about to sign must be published by every instance before any instance signs with
 * it (README, "Rotating the credential signing key"). Each entry is {@code z6Mk…} (the key's Multikey, as the profile
 * shows it and the {@code badge-key} command prints it), optionally with the period it signs in:
 * {@code z6Mk…@2025-01-01/2026-12-06}, either end open ({@code z6Mk…@2026-12-06/}). A date means 00:00 UTC.
 * An entry naming the key that signs now is skipped: the profile lists it once, as the current key.
 */
@Singleton
class PublishedKeys implements CheckedAtStart {

    static final String SETTING = "APP_BADGES_PUBLISHED_KEYS";

    /** A published key and, when given, the period it signs (or signed) credentials in. */
    record PublishedKey(String multikey, @Nullable Instant from, @Nullable Instant until) {
    }

    private final List<PublishedKey> keys;

    PublishedKeys(@Nullable @Value("${app.badges.published-keys:}") String configured, BadgeKey current) {
        List<PublishedKey> parsed = new ArrayList<>();
        if (configured != null) {
            Arrays.stream(configured.split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).map(PublishedKeys::parse)
                    .filter(key -> !key.multikey().equals(current.multikey()))
                    .forEach(parsed::add);
        }
        this.keys = List.copyOf(parsed);
    }

    List<PublishedKey> keys() {
        return keys;
    }

    private static PublishedKey parse(String entry) {
        int at = entry.indexOf('@');
        String multikey = at < 0 ? entry : entry.substring(0, at);
        checkMultikey(entry, multikey);
        if (at < 0) {
            return new PublishedKey(multikey, null, null);
        }
        String[] period = entry.substring(at + 1).split("/", -1);
        if (period.length != 2) {
            throw refused(entry, "its period must be FROM/UNTIL, either end left empty when open, such as 2025-01-01/2026-12-06");
        }
        Instant from = instant(entry, period[0]);
        Instant until = instant(entry, period[1]);
        if (from != null && until != null && !from.isBefore(until)) {
            throw refused(entry, "its period ends before it begins");
        }
        return new PublishedKey(multikey, from, until);
    }

    private static void checkMultikey(String entry, String multikey) {
        try {
            byte[] decoded = multikey.startsWith("z") ? Base58.decode(multikey.substring(1)) : new byte[0];
            if (decoded.length == 34 && decoded[0] == (byte) 0xed && decoded[1] == 0x01) {
                return;
            }
        } catch (IllegalArgumentException notBase58) {
            // named below
        }
        throw refused(entry, "'" + multikey + "' is not an Ed25519 Multikey (z6Mk…, as the issuer's profile shows it)");
    }

    @Nullable
    private static Instant instant(String entry, String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw refused(entry, "'" + value + "' is no date (2026-12-06) or UTC time (2026-12-06T08:00:00Z)");
        }
    }

    private static ConfigurationProblem refused(String entry, String why) {
        return new ConfigurationProblem(SETTING, "entry '" + entry + "': " + why);
    }
}
