package tw.training.badge;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

/**
 * The only JSON-LD contexts a credential here may use, served from the jar: the W3C credentials v2 context and the
 * Open Badges 3.0.3 context. Signing and verifying never reach the network; any other URL fails loudly, since a context
 * fetched from elsewhere could change what a signature covers.
 */
final class BundledContexts implements DocumentLoader {

    static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
    static final String OPEN_BADGES = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    static final BundledContexts LOADER = new BundledContexts();

    private final Map<String, Document> documents = Map.of(
            CREDENTIALS_V2, load("/jsonld/credentials-v2.jsonld", CREDENTIALS_V2),
            OPEN_BADGES, load("/jsonld/ob-context-3.0.3.jsonld", OPEN_BADGES));

    private BundledContexts() {
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        Document document = documents.get(url.toString());
        if (document == null) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, url + " is not a bundled context: credentials use only "
                    + CREDENTIALS_V2 + " and " + OPEN_BADGES);
        }
        return document;
    }

    private static Document load(String resource, String url) {
        try (InputStream in = BundledContexts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            JsonDocument document = JsonDocument.of(in);
            document.setDocumentUrl(URI.create(url));
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonLdError e) {
            throw new IllegalStateException(resource + " is not JSON-LD", e);
        }
    }
}
