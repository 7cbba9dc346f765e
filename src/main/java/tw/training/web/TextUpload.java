package tw.training.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import tw.training.problem.InvalidInputException;
import tw.training.problem.PayloadTooLargeException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A text file as trainers have it (a roster, an item bank in CSV or GIFT): sent as the body ({@code text/csv} or
 * {@code text/plain}) or as the file of a form ({@code multipart/form-data}, part {@code file}), in UTF-8 with or without
 * a byte-order mark, or in Big5 as Excel on a zh-TW Windows saves it. A {@code charset} parameter is honoured; else UTF-8
 * is tried first, strictly, and Big5 (Microsoft's code page 950) when the bytes are not UTF-8. At most
 * {@link #MAX_BYTES}, never held beyond.
 */
public final class TextUpload {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TextUpload() {
    }

    /** The file's text, whichever way it came; {@code what} names it in refusals ("the roster"). */
    public static String read(HttpRequest<?> request, String what) throws IOException {
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        try (InputStream body = ((ServerHttpRequest<?>) request).byteBody().toInputStream()) {
            if (contentType != null && contentType.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA)) {
                String boundary = MultipartReader.boundaryOf(contentType)
                        .orElseThrow(() -> InvalidInputException.of("Content-Type", "web.multipart-form-data-needs-boundary"));
                MultipartReader parts = new MultipartReader(body, boundary);
                for (Optional<MultipartReader.Part> part = parts.next(); part.isPresent(); part = parts.next()) {
                    if (part.get().name().equals("file")) {
                        return decode(bounded(part.get().content(), what), charsetOf(part.get().contentType()));
                    }
                }
                throw InvalidInputException.of("file", "web.send-as-part-file", what);
            }
            return decode(bounded(body, what), charsetOf(contentType));
        }
    }

    public static String decode(byte[] bytes, @Nullable String charset) {
        if (bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2]) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (charset != null && Charset.isSupported(charset)) {
            return new String(bytes, Charset.forName(charset));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.isSupported("x-windows-950") ? Charset.forName("x-windows-950") : Charset.forName("Big5"));
        }
    }

    public static byte[] bounded(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new PayloadTooLargeException("web.larger-than", what, PayloadTooLargeException.size(MAX_BYTES));
        }
        if (bytes.length == 0) {
            throw InvalidInputException.of("body", "web.empty", what);
        }
        return bytes;
    }

    public static @Nullable String charsetOf(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                return pair[1].strip().replace("\"", "");
            }
        }
        return null;
    }
}
