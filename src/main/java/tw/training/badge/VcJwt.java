package tw.training.badge;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * A credential secured as a JWT (W3C VC-JOSE-COSE, media type {@code application/vc+jwt}): a compact JWS whose payload is
 * the credential itself, header {@code alg EdDSA}, {@code typ vc+jwt}, {@code kid} the issuer's verification method.
 * Ed25519 on the JDK alone: the JWS signing input is ASCII, so no JOSE library is needed.
 */
final class VcJwt {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private VcJwt() {
    }

    static String sign(JsonObject credential, String kid, PrivateKey key) {
        JsonObject header = Json.createObjectBuilder().add("alg", "EdDSA").add("typ", "vc+jwt").add("kid", kid).build();
        String input = encode(header.toString()) + "." + encode(credential.toString());
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + BASE64URL.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The credential of a VC-JWT whose EdDSA signature verifies with the key, or null. */
    static JsonObject verify(String jwt, PublicKey key) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return null;
            }
            try (JsonReader reader = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
                return reader.readObject();
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
