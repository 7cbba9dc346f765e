package tw.training.evidence.storage;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells a file's type from its first bytes, against the allow-list of evidence: PDF, images, audio, video,
 * office documents and plain text. The name is consulted only to tell apart formats whose bytes are a
 * generic container (the legacy Office compound file); a name can never make a file acceptable on its own.
 */
public final class ContentTypes {

    /** How many leading bytes are enough to decide. */
    public static final int HEAD = 64 * 1024;

    private ContentTypes() {
    }

    public static Optional<String> detect(byte[] head, int length, String filename) {
        String extension = extension(filename);
        if (starts(head, length, "%PDF-")) {
            return Optional.of("application/pdf");
        }
        if (startsBytes(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsBytes(head, length, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(head, length, "GIF87a") || starts(head, length, "GIF89a")) {
            return Optional.of("image/gif");
        }
        if (startsBytes(head, length, 'I', 'I', 0x2A, 0x00) || startsBytes(head, length, 'M', 'M', 0x00, 0x2A)) {
            return Optional.of("image/tiff");
        }
        if (starts(head, length, "RIFF") && at(head, length, 8, "WEBP")) {
            return Optional.of("image/webp");
        }
        if (starts(head, length, "RIFF") && at(head, length, 8, "WAVE")) {
            return Optional.of("audio/wav");
        }
        if (starts(head, length, "RIFF") && at(head, length, 8, "AVI ")) {
            return Optional.of("video/x-msvideo");
        }
        if (at(head, length, 4, "ftyp")) {
            String brand = length >= 12 ? new String(head, 8, 4, StandardCharsets.ISO_8859_1) : "";
            if (brand.startsWith("M4A")) {
                return Optional.of("audio/mp4");
            }
            if (brand.startsWith("heic") || brand.startsWith("heix") || brand.startsWith("mif1")) {
                return Optional.of("image/heic");
            }
            return Optional.of(brand.startsWith("qt") ? "video/quicktime" : "video/mp4");
        }
        if (startsBytes(head, length, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Optional.of("video/webm");
        }
        if (starts(head, length, "OggS")) {
            return Optional.of("audio/ogg");
        }
        if (starts(head, length, "fLaC")) {
            return Optional.of("audio/flac");
        }
        if (starts(head, length, "ID3") || length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0) {
            return Optional.of("audio/mpeg");
        }
        if (startsBytes(head, length, 'P', 'K', 0x03, 0x04)) {
            return zipDocument(head, length);
        }
        if (startsBytes(head, length, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return Optional.of(switch (extension) {
                case "doc" -> "application/msword";
                case "xls" -> "application/vnd.ms-excel";
                case "ppt" -> "application/vnd.ms-powerpoint";
                default -> "application/x-ole-storage";
            });
        }
        return isText(head, length) ? Optional.of("text/plain; charset=UTF-8") : Optional.empty();
    }

    /** OOXML and OpenDocument files are ZIP archives; their first entries say which document they are. */
    private static Optional<String> zipDocument(byte[] head, int length) {
        String entries = new String(head, 0, length, StandardCharsets.ISO_8859_1);
        if (entries.startsWith("mimetype", 30)) {
            int start = 38;
            int end = start;
            while (end < length && end < start + 100 && head[end] >= 0x20 && head[end] < 0x7F && head[end] != 'P') {
                end++;
            }
            String type = entries.substring(start, end);
            if (type.startsWith("application/vnd.oasis.opendocument.")) {
                return Optional.of(type);
            }
        }
        if (entries.contains("word/")) {
            return Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        }
        if (entries.contains("xl/")) {
            return Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        if (entries.contains("ppt/")) {
            return Optional.of("application/vnd.openxmlformats-officedocument.presentationml.presentation");
        }
        return Optional.empty();
    }

    /** UTF-8 (a character cut at the end of the head is fine) without NUL or other binary control bytes. */
    private static boolean isText(byte[] head, int length) {
        if (length == 0) {
            return true;
        }
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            if (b < 0x09 || b > 0x0D && b < 0x20 && b != 0x1B) {
                return false;
            }
        }
        int end = length;
        while (end > 0 && end > length - 4 && (head[end - 1] & 0xC0) == 0x80) {
            end--;
        }
        if (end > 0 && (head[end - 1] & 0xC0) == 0xC0) {
            end--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String extension(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean starts(byte[] head, int length, String ascii) {
        return at(head, length, 0, ascii);
    }

    private static boolean at(byte[] head, int length, int offset, String ascii) {
        if (length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (head[offset + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsBytes(byte[] head, int length, int... bytes) {
        if (length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
