package tw.training.evidence;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
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

    /**
     * The file, or with a single {@code Range} of bytes (RFC 9110) the part asked for: 206 with its {@code Content-Range},
     * so that a browser can seek in audio and video; 416 when the range lies outside the file. A range on a changed file
     * ({@code If-Range} no longer the ETag) or of several parts is answered with the whole file.
     */
    public static HttpResponse<?> of(EvidenceService.Download download, HttpHeaders request, boolean inline) throws IOException {
        Views.File file = download.file();
        String etag = "\"" + file.sha256() + "\"";
        if (etag.equals(request.get(HttpHeaders.IF_NONE_MATCH))) {
            return HttpResponse.notModified().header(HttpHeaders.ETAG, etag);
        }
        String range = request.get(HttpHeaders.RANGE);
        String ifRange = request.get(HttpHeaders.IF_RANGE);
        ByteRange part = range == null || ifRange != null && !ifRange.equals(etag) ? null : ByteRange.parse(range, file.size());
        if (part == ByteRange.UNSATISFIABLE) {
            return HttpResponse.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE).header(HttpHeaders.CONTENT_RANGE, "bytes */" + file.size())
                    .header(HttpHeaders.ACCEPT_RANGES, "bytes");
        }
        MutableHttpResponse<StreamedFile> response = part == null
                ? HttpResponse.ok(new StreamedFile(download.open(), MediaType.of(file.contentType()), -1, file.size()))
                : HttpResponse.<StreamedFile>status(HttpStatus.PARTIAL_CONTENT)
                        .body(new StreamedFile(part.of(download.open(part.first())), MediaType.of(file.contentType()), -1, part.length()))
                        .header(HttpHeaders.CONTENT_RANGE, "bytes " + part.first() + "-" + part.last() + "/" + file.size());
        return response
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
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
