package tw.training.transparency;

import tw.training.badge.Ed25519Keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * C2SP's signed note (c2sp.org/signed-note), Ed25519 only: the text, which ends in a newline, a blank line, and a
 * signature line {@code — <key name> base64(key hash ‖ signature)}, the key hash being the first four bytes of
 * SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ public key). A verifier key is written {@code <name>+<key hash hex>+base64(0x01 ‖
 * public key)}, as Go's {@code golang.org/x/mod/sumdb/note} and the other signed-note tools read it; the format is
 * checked against that package's published example.
 */
public final class SignedNote {

    private static final String DASH = "\u2014 ";
    private static final byte ED25519 = 0x01;

    private SignedNote() {
    }

    /** A key's name and public key, as a verifier key names them. */
    public record Verifier(String name, PublicKey key) {

        /** The verifier key: {@code <name>+<key hash hex>+base64(0x01 ‖ public key)}. */
        public String text() {
            return name + "+" + HexFormat.of().formatHex(keyHash(name, key)) + "+" + Base64.getEncoder().encodeToString(typedKey(key));
        }

        /** The name and key a verifier key names; refused when it is not one, or its hash is not its key's. */
        public static Verifier parse(String verifierKey) {
            String[] parts = verifierKey.strip().split("\\+", 3);
            if (parts.length != 3 || parts[0].isEmpty()) {
                throw new IllegalArgumentException("a verifier key is <name>+<key hash>+<key>");
            }
            byte[] typed = Base64.getDecoder().decode(parts[2]);
            if (typed.length != 33 || typed[0] != ED25519) {
                throw new IllegalArgumentException("not an Ed25519 verifier key");
            }
            PublicKey key = Ed25519Keys.publicKey(Arrays.copyOfRange(typed, 1, 33));
            if (!HexFormat.of().formatHex(keyHash(parts[0], key)).equals(parts[1])) {
                throw new IllegalArgumentException("the verifier key's hash is not that of its key");
            }
            return new Verifier(parts[0], key);
        }
    }

    /** The note of {@code text} (which must end in a newline) signed by {@code key} under {@code name}. */
    public static String sign(String text, String name, KeyPair key) {
        if (!text.endsWith("\n") || text.contains("\n\n")) {
            throw new IllegalArgumentException("a note's text ends in a newline and has no blank line");
        }
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime since 15 has Ed25519", e);
        }
        byte[] line = new byte[4 + signature.length];
        System.arraycopy(keyHash(name, key.getPublic()), 0, line, 0, 4);
        System.arraycopy(signature, 0, line, 4, signature.length);
        return text + "\n" + DASH + name + " " + Base64.getEncoder().encodeToString(line) + "\n";
    }

    /** The text of a note one of whose signatures is {@code verifier}'s; empty when none is, or any byte was changed. */
    public static Optional<String> open(String note, Verifier verifier) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            return Optional.empty();
        }
        String text = note.substring(0, split + 1);
        byte[] expected = keyHash(verifier.name(), verifier.key());
        String prefix = DASH + verifier.name() + " ";
        for (String line : note.substring(split + 2).split("\n")) {
            if (!line.startsWith(prefix)) {
                continue;
            }
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(line.substring(prefix.length()));
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            if (decoded.length == 68 && Arrays.equals(Arrays.copyOf(decoded, 4), expected)
                    && verifies(text, Arrays.copyOfRange(decoded, 4, 68), verifier.key())) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    private static boolean verifies(String text, byte[] signature, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] typedKey(PublicKey key) {
        byte[] raw = Ed25519Keys.raw(key);
        byte[] typed = new byte[1 + raw.length];
        typed[0] = ED25519;
        System.arraycopy(raw, 0, typed, 1, raw.length);
        return typed;
    }

    private static byte[] keyHash(String name, PublicKey key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(typedKey(key));
            return Arrays.copyOf(sha256.digest(), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
