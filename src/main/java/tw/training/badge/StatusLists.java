package tw.training.badge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Collection;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * W3C Bitstring Status List v1.0: a credential's revocation is one bit of a public list, at its {@code statusListIndex}.
 * Certificates are placed by their row id, list {@code id / SIZE} at index {@code id % SIZE}; a list holds 131,072 bits
 * (16 KiB), the size the recommendation sets as the least for herd privacy. The list travels as {@code encodedList}:
 * the bits GZIP-compressed, in Multibase base64url without padding (a {@code u} first); bit 0 is the first byte's
 * highest bit.
 */
final class StatusLists {

    static final int SIZE = 131_072;

    private StatusLists() {
    }

    static long list(long certificateId) {
        return certificateId / SIZE;
    }

    static int index(long certificateId) {
        return (int) (certificateId % SIZE);
    }

    static long first(long list) {
        return list * SIZE;
    }

    static long last(long list) {
        return first(list) + SIZE - 1;
    }

    /** The list with the bits of these certificate ids set (ids outside it ignored), encoded. */
    static String encoded(long list, Collection<Long> revoked) {
        byte[] bits = new byte[SIZE / 8];
        for (long id : revoked) {
            if (list(id) == list) {
                int index = index(id);
                bits[index / 8] |= (byte) (0x80 >>> (index % 8));
            }
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(compressed.toByteArray());
    }

    /** Whether the bit at {@code index} of an encoded list is set: what a verifier does. */
    static boolean isSet(String encodedList, int index) {
        if (!encodedList.startsWith("u")) {
            throw new IllegalArgumentException("an encoded list is Multibase base64url, starting with 'u'");
        }
        try (GZIPInputStream gzip = new GZIPInputStream(new java.io.ByteArrayInputStream(Base64.getUrlDecoder().decode(encodedList.substring(1))))) {
            byte[] bits = gzip.readAllBytes();
            return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
