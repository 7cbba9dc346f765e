package tw.training.badge;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, acceptance 2: the Data Integrity signer reproduces 1EdTech's Open Badges 3.0 test vector exactly (both
 * canonical forms, the proof value, the multikey), offline: the loader serves only the bundled contexts and fails on any
 * other URL. The signed vector verifies; the same credential with one field changed does not.
 */
class DataIntegrityTest {

    private static final String VECTOR = "/schemas/ob3-test-vector/";
    private static final byte[] SEED = HexFormat.of().parseHex("6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4");
    private static final byte[] PUBLIC = HexFormat.of().parseHex("4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5");
    private static final DataIntegrity.ProofOptions OPTIONS = new DataIntegrity.ProofOptions("2010-01-01T19:23:24Z",
            "https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");

    private static String text(String file) throws IOException {
        try (InputStream in = DataIntegrityTest.class.getResourceAsStream(VECTOR + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void theTestVectorIsReproducedExactly() throws IOException {
        JsonObject unsigned = json(text("ob-testvector-unsigned.json"));
        assertEquals(text("ob-document-canon.txt"), DataIntegrity.canonical(unsigned));
        assertEquals(text("ob-proof-canon.txt"), DataIntegrity.canonical(OPTIONS.with(unsigned.get("@context"))));
        PrivateKey key = Ed25519Keys.privateKey(SEED);
        assertEquals("z5x9aCBYovW3CQCbKdNyhEm7ffYSw1YpEdPywQJoNbzDD2gkzQDKJ1sYKJaWvqZtkMtSbz35HcbgXVEDYHxCzgkCr",
                DataIntegrity.proofValue(unsigned, OPTIONS, key));
        assertEquals(json(text("ob-testvector-signed.proof-array.json")), DataIntegrity.sign(unsigned, OPTIONS, key));
        assertEquals("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi", Ed25519Keys.multikey(Ed25519Keys.publicKey(PUBLIC)));
    }

    @Test
    void theSignedVectorVerifiesAndAChangedOneDoesNot() throws IOException {
        PublicKey key = Ed25519Keys.publicKey(PUBLIC);
        JsonObject signed = json(text("ob-testvector-signed.json"));
        assertTrue(DataIntegrity.verify(signed, key), "proof as the guide prints it, an object");
        assertTrue(DataIntegrity.verify(json(text("ob-testvector-signed.proof-array.json")), key), "proof as an array");
        JsonObject renamed = Json.createObjectBuilder(signed).add("name", "Teamwork Badge (edited)").build();
        assertFalse(DataIntegrity.verify(renamed, key));
        JsonObject otherKey = Json.createObjectBuilder(signed).build();
        assertFalse(DataIntegrity.verify(otherKey, Ed25519Keys.publicKey(HexFormat.of().parseHex(
                "3bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5"))), "another key");
    }

    @Test
    void aContextThatIsNotBundledIsRefusedRatherThanFetched() throws IOException {
        JsonObject unsigned = json(text("ob-testvector-unsigned.json"));
        JsonObject elsewhere = Json.createObjectBuilder(unsigned).add("@context", Json.createArrayBuilder()
                .add("https://www.w3.org/ns/credentials/v2").add("https://example.org/contexts/other.jsonld")).build();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> DataIntegrity.canonical(elsewhere));
        StringBuilder causes = new StringBuilder();
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            causes.append(cause.getMessage()).append(" / ");
        }
        assertTrue(causes.toString().contains("is not a bundled context"), "our loader refused it, nothing was fetched: " + causes);
    }

    @Test
    void base58RoundTrips() {
        byte[] bytes = {0, 0, 1, 2, (byte) 255, 17};
        assertEquals(HexFormat.of().formatHex(bytes), HexFormat.of().formatHex(Base58.decode(Base58.encode(bytes))));
    }
}
