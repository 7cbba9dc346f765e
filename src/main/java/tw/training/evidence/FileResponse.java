package tw.training.evidence;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * An evidence file as sent (API and pages): streamed, with its type, its UTF-8 name and its SHA-256 as ETag; shown
 * in the page (inline) or saved (attachment). Only this site's pages may frame it, and whatever is not a PDF runs
 * sandboxed (Chromium's PDF viewer refuses a sandboxed document).
 */
public final class FileResponse {

    private FileResponse() {
    }

    public static HttpResponse<?> of(EvidenceService.Download download, String ifNoneMatch, boolean inline) throws IOException {
        Views.File file = download.file();
        String etag = "\"" + file.sha256() + "\"";
        if (etag.equals(ifNoneMatch)) {
            return HttpResponse.notModified().header(HttpHeaders.ETAG, etag);
        }
        return HttpResponse.ok(new StreamedFile(download.open(), MediaType.of(file.contentType()), -1, file.size()))
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(inline ? "inline" : "attachment", file.filename()))
                .header(HttpHeaders.ETAG, etag)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", (file.contentType().equals("application/pdf") ? "" : "sandbox; ")
                        + "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'");
    }

    /** RFC 6266 / 5987: an ASCII fallback for old clients and the exact UTF-8 name for the rest. */
    static String contentDisposition(String disposition, String filename) {
        String fallback = filename.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return disposition + "; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
