package tw.training.ims;

import tw.training.NameBasedUuid;

import java.util.UUID;

/**
 * CASE identifiers derived from our codes: name-based UUIDs (version 5, SHA-1, RFC 9562) in a namespace of this product,
 * so the same document, item or association has the same identifier across restarts and re-imports, and nothing needs
 * storing. A name is the document's code, or the code and the item's ("KPS5294-001v4:T2.3").
 */
public final class CaseIds {

    /** This product's namespace (a random UUID fixed once): another product deriving from the same codes gets others. */
    private static final UUID NAMESPACE = UUID.fromString("6f1c52a4-3f0e-4d2b-9a57-1c9c2d7e8b41");

    private CaseIds() {
    }

    static String document(String code) {
        return of("document:" + code);
    }

    /** The address of an item's CFItem on this provider, e.g. for a credential's alignment to a task. */
    public static String itemUri(String publicUrl, String documentCode, String itemCode) {
        return publicUrl.replaceAll("/+$", "") + "/ims/case/v1p1/CFItems/" + item(documentCode, itemCode);
    }

    static String item(String documentCode, String itemCode) {
        return of("item:" + documentCode + ":" + itemCode);
    }

    static String association(String type, String origin, String destination) {
        return of("association:" + type + ":" + origin + ":" + destination);
    }

    static String of(String name) {
        return NameBasedUuid.of(NAMESPACE, name).toString();
    }
}
