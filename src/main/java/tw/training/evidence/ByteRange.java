package tw.training.evidence;

import io.micronaut.core.annotation.Nullable;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One range of bytes of a file, first to last inclusive, as a {@code Range: bytes=…} header asks for it. */
record ByteRange(long first, long last) {

    /** A range that no byte of the file satisfies (or that cannot be read): answered 416. */
    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /**
     * The range asked of a file of {@code size} bytes: null when the header asks for something else (another unit,
     * several ranges), which is answered with the whole file; {@link #UNSATISFIABLE} when it lies outside the file.
     */
    @Nullable
    static ByteRange parse(String header, long size) {
        String value = header.strip();
        if (!value.startsWith("bytes=") || value.contains(",")) {
            return null;
        }
        Matcher range = SINGLE.matcher(value);
        if (!range.matches() || range.group(1).isEmpty() && range.group(2).isEmpty() || range.group(1).length() > 18
                || range.group(2).length() > 18) {
            return UNSATISFIABLE;
        }
        if (range.group(1).isEmpty()) {
            // the last n bytes
            long suffix = Long.parseLong(range.group(2));
            return suffix == 0 || size == 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, size - suffix), size - 1);
        }
        long first = Long.parseLong(range.group(1));
        long last = range.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(range.group(2)), size - 1);
        return first >= size || last < first ? UNSATISFIABLE : new ByteRange(first, last);
    }

    long length() {
        return last - first + 1;
    }

    /** The part of the whole file's stream this range covers. */
    /** The range's bytes of a stream that starts at its first byte (the store opened it there). */
    InputStream of(InputStream fromFirst) {
        return new FilterInputStream(fromFirst) {
            private long left = length();

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int read = super.read(buffer, offset, (int) Math.min(length, left));
                if (read > 0) {
                    left -= read;
                }
                return read;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(Math.min(n, left));
                left -= skipped;
                return skipped;
            }

            @Override
            public int available() throws IOException {
                return (int) Math.min(super.available(), left);
            }
        };
    }
}
