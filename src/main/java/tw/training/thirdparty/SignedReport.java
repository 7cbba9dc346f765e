package tw.training.thirdparty;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import org.erdtman.jcs.JsonCanonicalizer;
import tw.training.badge.Ed25519Keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A frozen third-party report as a file: the report itself, the SHA-256 of its canonical form (RFC 8785 JCS, so the
 * same answers always give the same bytes whatever wrote them), the Ed25519 signature of those bytes, and the public key
 * (Multikey) it was signed with. Verifying needs the file and the key published by the service, nothing else: no
 * database, no network. The key in the file says which key to look for; only the published key proves anything.
 *
 * <pre>{"report": {…}, "hash": "sha256:…", "signature": "…base64url…", "key": "z6Mk…"}</pre>
 */
public final class SignedReport {

    private SignedReport() {
    }

    /** What verifying a file found: valid (its hash), or why not. */
    public sealed interface Verdict {
    }

    public record Valid(String hash) implements Verdict {
    }

    public record Invalid(String why) implements Verdict {
    }

    /** The file of a report ({@code report}: a JSON object), signed with {@code key}. */
    public static byte[] sign(JsonObject report, KeyPair key) {
        byte[] canonical = canonical(report);
        JsonObject file = Json.createObjectBuilder()
                .add("report", report)
                .add("hash", hash(canonical))
                .add("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(signature(canonical, key)))
                .add("key", Ed25519Keys.multikey(key.getPublic()))
                .build();
        return canonical(file);
    }

    /** The receipt's hash of a report: {@code sha256:} and the hex of SHA-256 over its canonical form. */
    public static String hash(JsonObject report) {
        return hash(canonical(report));
    }

    /** Checks a file against the published key: well formed, its hash that of its report, its signature by that key. */
    public static Verdict verify(byte[] file, PublicKey published) {
        JsonObject read;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(file))) {
            read = reader.readObject();
        } catch (JsonException | IllegalStateException notJson) {
            return new Invalid("not a JSON object");
        }
        if (!(read.get("report") instanceof JsonObject report) || !(read.get("hash") instanceof JsonString hash)
                || !(read.get("signature") instanceof JsonString signature)) {
            return new Invalid("not a signed report: report, hash and signature are required");
        }
        byte[] canonical = canonical(report);
        if (!hash(canonical).equals(hash.getString())) {
            return new Invalid("the report does not have the hash the file states");
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(published);
            verifier.update(canonical);
            return verifier.verify(Base64.getUrlDecoder().decode(signature.getString())) ? new Valid(hash.getString())
                    : new Invalid("the signature is not the published key's");
        } catch (IllegalArgumentException | GeneralSecurityException wrong) {
            return new Invalid("the signature is malformed");
        }
    }

    /** The report a file this service signed holds (read back from where it was kept, not a file to be trusted). */
    static JsonObject report(byte[] file) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(file))) {
            return reader.readObject().getJsonObject("report");
        }
    }

    static byte[] canonical(JsonObject json) {
        try {
            return new JsonCanonicalizer(json.toString()).getEncodedUTF8();
        } catch (IOException e) {
            // the text comes from a JSON object just built or read: it is JSON
            throw new IllegalStateException("canonicalization failed", e);
        }
    }

    private static String hash(byte[] canonical) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static byte[] signature(byte[] canonical, KeyPair key) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(canonical);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime since 15 has Ed25519", e);
        }
    }

    /** The file as text, for people reading it. */
    static String text(byte[] file) {
        return new String(file, StandardCharsets.UTF_8);
    }
}
