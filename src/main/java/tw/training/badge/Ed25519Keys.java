package tw.training.badge;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** Ed25519 keys on the JDK alone, from and to the raw 32 bytes, and a public key as a multikey ({@code z6Mk…}). */
public final class Ed25519Keys {

    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo: the raw key follows it. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** The multicodec of an Ed25519 public key (0xed, varint-encoded). */
    private static final byte[] MULTICODEC = {(byte) 0xed, 0x01};

    private Ed25519Keys() {
    }

    static PrivateKey privateKey(byte[] seed) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime since 15 has Ed25519", e);
        }
    }

    public static PublicKey publicKey(byte[] raw) {
        byte[] encoded = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, encoded, SPKI_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    public static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    /** The public key as a Multikey value: {@code z} and base58btc of the multicodec prefix and the raw key. */
    public static String multikey(PublicKey key) {
        byte[] raw = raw(key);
        byte[] prefixed = Arrays.copyOf(MULTICODEC, MULTICODEC.length + raw.length);
        System.arraycopy(raw, 0, prefixed, MULTICODEC.length, raw.length);
        return "z" + Base58.encode(prefixed);
    }

    /** The public key a Multikey value ({@code z6Mk…}) names; refused when it names no Ed25519 key. */
    public static PublicKey fromMultikey(String multikey) {
        if (multikey == null || !multikey.startsWith("z")) {
            throw new IllegalArgumentException("a Multikey starts with z");
        }
        byte[] prefixed = Base58.decode(multikey.substring(1));
        if (prefixed.length != MULTICODEC.length + 32 || prefixed[0] != MULTICODEC[0] || prefixed[1] != MULTICODEC[1]) {
            throw new IllegalArgumentException("not the Multikey of an Ed25519 public key");
        }
        return publicKey(Arrays.copyOfRange(prefixed, MULTICODEC.length, prefixed.length));
    }
}
