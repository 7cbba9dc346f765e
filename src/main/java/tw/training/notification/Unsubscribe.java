package tw.training.notification;

import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import tw.training.address.PublicUrl;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One-click unsubscribe links (RFC 8058): {@code /notifications/unsubscribe/<user>/<kind>/<signature>}, the signature an
 * HMAC-SHA256 of user and kind under the service's link key. A link stops that kind for that user and nothing else,
 * works without signing in, and cannot be made for another user or kind without the key. The digest's link
 * ({@link #DIGEST}) stops every kind the digest carries. The key (256 random bits) is drawn by the first server start
 * that finds none, in a transaction of its own before any request (no lock on a user's row, which judgements' foreign
 * keys share), and read by every instance from the database.
 */
@Singleton
class Unsubscribe {

    /** The digest's own "kind" in links: every kind mailed in the digest. */
    static final String DIGEST = "DIGEST";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NotificationRepository rows;
    private final TransactionOperations<Connection> transactions;
    private final String home;
    private volatile byte[] key;

    Unsubscribe(NotificationRepository rows, TransactionOperations<Connection> transactions, PublicUrl publicUrl) {
        this.rows = rows;
        this.transactions = transactions;
        this.home = publicUrl.value();
    }

    @EventListener
    void onStartup(ServerStartupEvent started) {
        key();
    }

    String link(long userId, String kind) {
        return home + "/notifications/unsubscribe/" + userId + "/" + kind + "/" + signature(userId, kind);
    }

    /** Whether {@code signature} is this user's for this kind. */
    boolean valid(long userId, String kind, String signature) {
        return MessageDigest.isEqual(signature(userId, kind).getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            known = transactions.executeWrite(status -> {
                byte[] bits = new byte[32];
                RANDOM.nextBytes(bits);
                rows.offerLinkKey(HexFormat.of().formatHex(bits));
                return HexFormat.of().parseHex(rows.linkKey().orElseThrow(() -> new IllegalStateException("migration V023 makes the link key's row")));
            });
            key = known;
        }
        return known;
    }

    private String signature(long userId, String kind) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(("unsubscribe:" + userId + ":" + kind).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }
}
