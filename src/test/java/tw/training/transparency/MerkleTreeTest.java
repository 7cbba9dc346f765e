package tw.training.transparency;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 34, acceptance 1: the tree hashing reproduces the published RFC 6962 / RFC 9162 test vectors (the tree heads of
 * the eight reference leaves, and their inclusion and consistency proofs, as Certificate Transparency's own tests give
 * them); inclusion and consistency proofs verify for every tree size from 1 to 300; a changed leaf, a changed proof,
 * another place or another history fails.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final List<byte[]> REFERENCE = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f").stream().map(HEX::parseHex).toList();
    /** The heads of the trees of the first 0 to 8 reference leaves. */
    private static final List<String> HEADS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static MerkleTree.Leaves of(List<byte[]> leaves) {
        List<byte[]> hashes = leaves.stream().map(MerkleTree::leafHash).toList();
        return index -> hashes.get((int) index);
    }

    private static List<String> hex(List<byte[]> proof) {
        return proof.stream().map(HEX::formatHex).toList();
    }

    @Test
    void theTreeHeadsAreTheRfcs() {
        MerkleTree.Leaves leaves = of(REFERENCE);
        for (int size = 0; size <= 8; size++) {
            assertEquals(HEADS.get(size), HEX.formatHex(MerkleTree.root(leaves, size)), "size " + size);
        }
    }

    @Test
    void theProofsAreTheRfcs() {
        MerkleTree.Leaves leaves = of(REFERENCE);
        assertEquals(List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"), hex(MerkleTree.inclusionProof(leaves, 0, 8)));
        assertEquals(List.of("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"), hex(MerkleTree.inclusionProof(leaves, 5, 8)));
        assertEquals(List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"), hex(MerkleTree.inclusionProof(leaves, 2, 3)));
        assertEquals(List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"), hex(MerkleTree.inclusionProof(leaves, 1, 5)));

        assertEquals(List.of(), hex(MerkleTree.consistencyProof(leaves, 1, 1)));
        assertEquals(List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"), hex(MerkleTree.consistencyProof(leaves, 1, 8)));
        assertEquals(List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"), hex(MerkleTree.consistencyProof(leaves, 6, 8)));
        assertEquals(List.of("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"), hex(MerkleTree.consistencyProof(leaves, 2, 5)));
    }

    /** Every leaf of every tree from 1 to 300 leaves proves its inclusion; every prefix its consistency with every larger tree. */
    @Test
    void everyProofVerifiesForEverySizeUpTo300AndNothingElseDoes() {
        Random random = new Random(9162);
        List<byte[]> data = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] leaf = new byte[random.nextInt(40)];
            random.nextBytes(leaf);
            data.add(leaf);
        }
        MerkleTree.Leaves leaves = of(data);
        List<byte[]> roots = new ArrayList<>();
        for (int size = 0; size <= 300; size++) {
            roots.add(MerkleTree.root(leaves, size));
        }
        for (int size = 1; size <= 300; size++) {
            byte[] root = roots.get(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleTree.inclusionProof(leaves, index, size);
                byte[] leaf = leaves.leafHash(index);
                assertTrue(MerkleTree.verifyInclusion(index, size, leaf, proof, root), index + " in " + size);
                if (index % 17 == 0) {
                    byte[] changed = MerkleTree.leafHash(new byte[]{(byte) index, 1, 2});
                    assertFalse(MerkleTree.verifyInclusion(index, size, changed, proof, root), "a changed leaf, " + index + " in " + size);
                    if (index + 1 < size) {
                        assertFalse(MerkleTree.verifyInclusion(index + 1, size, leaf, proof, root), "another place, " + index + " in " + size);
                    }
                    if (!proof.isEmpty()) {
                        List<byte[]> forged = new ArrayList<>(proof);
                        forged.set(0, MerkleTree.leafHash(new byte[]{9}));
                        assertFalse(MerkleTree.verifyInclusion(index, size, leaf, forged, root), "a changed proof, " + index + " in " + size);
                    }
                }
            }
            for (int first = 1; first <= size; first += first < 20 ? 1 : 7) {
                List<byte[]> proof = MerkleTree.consistencyProof(leaves, first, size);
                assertTrue(MerkleTree.verifyConsistency(first, size, roots.get(first), root, proof), first + " to " + size);
                if (first < size) {
                    byte[] otherHistory = MerkleTree.nodeHash(roots.get(first), roots.get(first));
                    assertFalse(MerkleTree.verifyConsistency(first, size, otherHistory, root, proof), "another history, " + first + " to " + size);
                }
            }
        }
        assertArrayEquals(MerkleTree.EMPTY, MerkleTree.root(leaves, 0));
    }
}
