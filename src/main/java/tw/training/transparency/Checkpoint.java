package tw.training.transparency;

import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A checkpoint of the log in C2SP's format (c2sp.org/tlog-checkpoint): the origin, the tree size and the root hash in
 * standard base64, a line each, then an extension line {@code time <epoch seconds>} for when it was signed; published
 * as a {@link SignedNote} whose key name is the origin.
 */
public record Checkpoint(String origin, long size, byte[] root, long time) {

    /** The note's text: what is signed. */
    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\ntime " + time + "\n";
    }

    public String sign(KeyPair key) {
        return SignedNote.sign(text(), origin, key);
    }

    /** The checkpoint a signed note holds, if it is one and {@code verifier} (whose name is the origin) signed it. */
    public static Optional<Checkpoint> open(String note, SignedNote.Verifier verifier) {
        return SignedNote.open(note, verifier).flatMap(text -> parse(text, verifier.name()));
    }

    private static Optional<Checkpoint> parse(String text, String origin) {
        List<String> lines = List.of(text.split("\n"));
        if (lines.size() != 4 || !lines.get(0).equals(origin) || !lines.get(1).matches("\\d{1,18}") || !lines.get(3).matches("time \\d{1,18}")) {
            return Optional.empty();
        }
        try {
            byte[] root = Base64.getDecoder().decode(lines.get(2));
            return root.length == 32 ? Optional.of(new Checkpoint(origin, Long.parseLong(lines.get(1)), root, Long.parseLong(lines.get(3).substring(5))))
                    : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && size == that.size && Arrays.equals(root, that.root) && time == that.time;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * origin.hashCode() + Long.hashCode(size)) + Arrays.hashCode(root);
    }

    @Override
    public String toString() {
        return text();
    }
}
