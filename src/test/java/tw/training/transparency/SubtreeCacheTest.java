package tw.training.transparency;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kept subtrees give the same roots and proofs as the tree computed from every leaf, for every size from 1 to 300
 * (blocks of 4 leaves, so that kept subtrees of several levels are used), and once warm a proof reads few leaves.
 */
class SubtreeCacheTest {

    private static final int MAX = 300;

    @Test
    void keptSubtreesGiveTheRootsAndProofsOfTheWholeTree() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            leaves.add(MerkleTree.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        AtomicLong read = new AtomicLong();
        SubtreeCache cache = new SubtreeCache((from, to) -> {
            assertTrue(to - from <= 4, "never more than a block at a time: " + from + ".." + to);
            read.addAndGet(to - from);
            return leaves.subList((int) from, (int) to);
        }, 4);
        MerkleTree.Leaves whole = index -> leaves.get((int) index);
        for (int size = 1; size <= MAX; size++) {
            assertArrayEquals(MerkleTree.root(whole, size), MerkleTree.root(cache, size), "root of " + size);
            for (int leaf = 0; leaf < size; leaf += 7) {
                assertEquals(hex(MerkleTree.inclusionProof(whole, leaf, size)), hex(MerkleTree.inclusionProof(cache, leaf, size)), leaf + " in " + size);
            }
            for (int first = 1; first <= size; first += 11) {
                assertEquals(hex(MerkleTree.consistencyProof(whole, first, size)), hex(MerkleTree.consistencyProof(cache, first, size)),
                        first + " to " + size);
            }
        }
        read.set(0);
        MerkleTree.inclusionProof(cache, 5, MAX);
        assertTrue(read.get() < 2 * 4 * 2, "a warm proof reads the ragged edges only: " + read.get());
        assertTrue(cache.kept() <= 2 * MAX / 4, "at most two hashes kept per block: " + cache.kept());
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(java.util.HexFormat.of()::formatHex).toList();
    }
}
