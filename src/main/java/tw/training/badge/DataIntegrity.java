package tw.training.badge;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;

/**
 * W3C Data Integrity with the {@code eddsa-rdfc-2022} cryptosuite: the document (without its proof) and the proof options
 * (with the document's {@code @context}) are each turned into RDF and canonicalized (RDFC-1.0, N-Quads); the data signed
 * with Ed25519 is SHA-256 of the proof options' canonical form followed by SHA-256 of the document's; the proof value is
 * {@code z} and base58btc of the signature. JSON-LD contexts come only from {@link BundledContexts}.
 */
public final class DataIntegrity {

    /** A proof's options, everything of it but its value. */
    public record ProofOptions(String created, String verificationMethod) {

        JsonObject with(JsonValue context) {
            return Json.createObjectBuilder().add("@context", context).add("type", "DataIntegrityProof").add("created", created)
                    .add("verificationMethod", verificationMethod).add("cryptosuite", "eddsa-rdfc-2022")
                    .add("proofPurpose", "assertionMethod").build();
        }
    }

    private DataIntegrity() {
    }

    /** The document signed: a copy with {@code proof} as an array of one (as the Open Badges 3.0 schema wants). */
    public static JsonObject sign(JsonObject unsigned, ProofOptions options, PrivateKey key) {
        String value = proofValue(unsigned, options, key);
        JsonObjectBuilder proof = Json.createObjectBuilder(options.with(unsigned.get("@context")));
        proof.remove("@context");
        proof.add("proofValue", value);
        return Json.createObjectBuilder(unsigned).add("proof", Json.createArrayBuilder().add(proof)).build();
    }

    static String proofValue(JsonObject unsigned, ProofOptions options, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(hashData(unsigned, options.with(unsigned.get("@context"))));
            return "z" + Base58.encode(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /**
     * Whether the signed document's first proof verifies with the key: the proof's options and the document without its
     * proof canonicalized again, the signature checked over their hashes. Any change to what the contexts define breaks it.
     */
    public static boolean verify(JsonObject signed, PublicKey key) {
        JsonValue proofs = signed.get("proof");
        JsonObject proof = proofs instanceof jakarta.json.JsonArray array && !array.isEmpty() ? array.getJsonObject(0)
                : proofs instanceof JsonObject object ? object : null;
        if (proof == null || !"eddsa-rdfc-2022".equals(proof.getString("cryptosuite", "")) || !proof.getString("proofValue", "").startsWith("z")) {
            return false;
        }
        JsonObjectBuilder unsigned = Json.createObjectBuilder(signed);
        unsigned.remove("proof");
        JsonObjectBuilder options = Json.createObjectBuilder(proof);
        options.remove("proofValue");
        options.add("@context", signed.get("@context"));
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(hashData(unsigned.build(), options.build()));
            return verifier.verify(Base58.decode(proof.getString("proofValue").substring(1)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] hashData(JsonObject document, JsonObject proofOptions) {
        byte[] proofHash = sha256(canonical(proofOptions));
        byte[] documentHash = sha256(canonical(document));
        byte[] data = Arrays.copyOf(proofHash, 64);
        System.arraycopy(documentHash, 0, data, 32, 32);
        return data;
    }

    /** The document's RDF in canonical N-Quads (RDFC-1.0). */
    static String canonical(JsonObject document) {
        try {
            RdfCanon canon = RdfCanon.create("SHA-256");
            JsonLd.toRdf(JsonDocument.of(document)).loader(BundledContexts.LOADER).provide(canon);
            StringWriter nquads = new StringWriter();
            canon.provide(new NQuadsWriter(nquads));
            return nquads.toString();
        } catch (JsonLdError e) {
            throw new IllegalArgumentException("the credential is not valid JSON-LD: " + e.getMessage(), e);
        } catch (RdfConsumerException e) {
            throw new IllegalStateException("canonicalization failed", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
