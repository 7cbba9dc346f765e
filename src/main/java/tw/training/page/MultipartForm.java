package tw.training.page;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import tw.training.problem.InvalidInputException;
import tw.training.web.MultipartReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * A page's multipart form (a file upload) read as a stream: its CSRF token must be the first part, so that a forged
 * post is refused before a byte of its files is read; each other part is then handed over, and whatever a handler
 * leaves unread is skipped.
 */
public final class MultipartForm {

    /** The token is a few dozen bytes. */
    private static final int TOKEN_BYTES = 200;

    private MultipartForm() {
    }

    /** Takes one part of the form after the token. */
    @FunctionalInterface
    public interface Parts {
        void part(MultipartReader.Part part) throws IOException;
    }

    public static void read(HttpRequest<?> request, Parts parts) throws IOException {
        String boundary = MultipartReader.boundaryOf(request.getHeaders().get(HttpHeaders.CONTENT_TYPE))
                .orElseThrow(() -> InvalidInputException.of("Content-Type", "page.send-form-as-multipart-form"));
        try (InputStream body = ((ServerHttpRequest<?>) request).byteBody().toInputStream()) {
            MultipartReader reader = new MultipartReader(body, boundary);
            Optional<MultipartReader.Part> first = reader.next();
            Csrf.require(request, first.isPresent() && first.get().name().equals(Csrf.FIELD) ? first.get().text(TOKEN_BYTES) : null);
            for (Optional<MultipartReader.Part> part = reader.next(); part.isPresent(); part = reader.next()) {
                parts.part(part.get());
                part.get().content().transferTo(OutputStream.nullOutputStream());
            }
        }
    }
}
