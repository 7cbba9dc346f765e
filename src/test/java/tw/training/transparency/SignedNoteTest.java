package tw.training.transparency;

import org.junit.jupiter.api.Test;
import tw.training.badge.BadgeKey;

import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The signed-note format against the published example of Go's {@code golang.org/x/mod/sumdb/note} (the Peter Neumann
 * note: its signer key, verifier key and signed text), and checkpoints as signed notes: a note signed by another key,
 * for another origin, or changed in one byte is refused (issue 34, acceptance 2, last point).
 */
class SignedNoteTest {

    private static final String TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private static final String NOTE = TEXT + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private static final String VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    /** The seed of the example's signer key, PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz. */
    private static final byte[] SEED = Arrays.copyOfRange(Base64.getDecoder().decode("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"), 1, 33);

    @Test
    void theGoExampleSignsAndOpensByteForByte() {
        KeyPair peter = BadgeKey.fromSeed(SEED);
        assertEquals(NOTE, SignedNote.sign(TEXT, "PeterNeumann", peter));
        SignedNote.Verifier verifier = SignedNote.Verifier.parse(VERIFIER);
        assertEquals(VERIFIER, new SignedNote.Verifier("PeterNeumann", peter.getPublic()).text());
        assertEquals(Optional.of(TEXT), SignedNote.open(NOTE, verifier));
        assertEquals(Optional.empty(), SignedNote.open(NOTE.replace("cryptography", "cryptographx"), verifier));
        assertEquals(Optional.empty(), SignedNote.open(NOTE, new SignedNote.Verifier("PeterNeumann", BadgeKey.fromSeed(BadgeKey.generate()).getPublic())));
        assertThrows(IllegalArgumentException.class, () -> SignedNote.Verifier.parse(VERIFIER.replace("c74f20a3", "c74f20a4")));
    }

    @Test
    void aCheckpointOpensOnlyUnderItsOwnKeyAndOrigin() {
        KeyPair key = BadgeKey.fromSeed(BadgeKey.generate());
        byte[] root = MerkleTree.leafHash(new byte[]{1, 2, 3});
        Checkpoint checkpoint = new Checkpoint("training.example/transparency", 42, root, 1_796_000_000L);
        String note = checkpoint.sign(key);
        SignedNote.Verifier ours = new SignedNote.Verifier("training.example/transparency", key.getPublic());
        Checkpoint opened = Checkpoint.open(note, ours).orElseThrow();
        assertEquals(42, opened.size());
        assertArrayEquals(root, opened.root());
        assertEquals(Optional.empty(), Checkpoint.open(note, new SignedNote.Verifier("training.example/transparency",
                BadgeKey.fromSeed(BadgeKey.generate()).getPublic())), "signed by another key");
        assertEquals(Optional.empty(), Checkpoint.open(note, new SignedNote.Verifier("elsewhere.example/log", key.getPublic())), "another origin");
        assertEquals(Optional.empty(), Checkpoint.open(note.replace("\n42\n", "\n43\n"), ours), "a changed size");
    }
}
