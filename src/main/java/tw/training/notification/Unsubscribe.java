package tw.training.notification;

import jakarta.inject.Singleton;
import tw.training.address.PublicUrl;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One-click unsubscribe links (RFC 8058): {@code /notifications/unsubscribe/<user>/<kind>/<signature>}, the signature an
 * HMAC-SHA256 of the kind under a key of the user's own (made the first time one is needed). A link stops that kind for
 * that user and nothing else, works without signing in, and cannot be made for another user or kind without the key.
 * The digest's link ({@link #DIGEST}) stops every kind the digest carries.
 */
@Singleton
class Unsubscribe {

    /** The digest's own "kind" in links: every kind mailed in the digest. */
    static final String DIGEST = "DIGEST";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NotificationRepository rows;
    private final String home;

    Unsubscribe(NotificationRepository rows, PublicUrl publicUrl) {
        this.rows = rows;
        this.home = publicUrl.value();
    }

    /** The link, within the caller's transaction (it may make the user's key). */
    String link(long userId, String kind) {
        return home + "/notifications/unsubscribe/" + userId + "/" + kind + "/" + signature(key(userId), kind);
    }

    /** Whether {@code signature} is this user's for this kind. */
    boolean valid(long userId, String kind, String signature) {
        return rows.mailKey(userId).map(key -> MessageDigest.isEqual(signature(key, kind).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8))).orElse(false);
    }

    private String key(long userId) {
        return rows.mailKey(userId).orElseGet(() -> {
            // made once, by whoever holds the user's row: a transaction making it at the same time waits, then reads it
            // (H2 does not wait on a conflicting insert not yet committed, it skips it: the lock is what orders them)
            rows.lockUser(userId);
            return rows.mailKey(userId).orElseGet(() -> {
                byte[] bits = new byte[32];
                RANDOM.nextBytes(bits);
                String key = HexFormat.of().formatHex(bits);
                rows.offerMailKey(userId, key);
                return key;
            });
        });
    }

    private static String signature(String key, String kind) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(key), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(("unsubscribe:" + kind).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }
}
