package tw.training.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 9162's Merkle tree (that of RFC 6962, Certificate Transparency): a leaf's hash is SHA-256(0x00 ‖ leaf), an inner
 * node's SHA-256(0x01 ‖ left ‖ right), and a tree of n leaves splits at the largest power of two below n. Written by
 * hand because no library served here implements it; checked against the RFC's published tree heads and proofs, so that
 * any other implementation of the RFC agrees with every root, inclusion proof and consistency proof this one gives.
 * <p>
 * Proofs are made over the leaf hashes of a {@link Leaves} source; verification needs nothing but the proof.
 */
public final class MerkleTree {

    /** The hash of the empty tree: SHA-256 of nothing. */
    public static final byte[] EMPTY = sha256(new byte[0]);

    private MerkleTree() {
    }

    /** The leaf hashes of a log, from index 0; a log of thousands of leaves is read once per proof at most. */
    public interface Leaves {

        byte[] leafHash(long index);
    }

    /** MTH(D[from:to]) of a log, however the log finds it (computed, or kept for complete subtrees: {@link SubtreeCache}). */
    public interface Subtrees {

        byte[] hash(long from, long to);
    }

    public static byte[] leafHash(byte[] leaf) {
        byte[] prefixed = new byte[leaf.length + 1];
        System.arraycopy(leaf, 0, prefixed, 1, leaf.length);
        return sha256(prefixed);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        byte[] joined = new byte[1 + left.length + right.length];
        joined[0] = 1;
        System.arraycopy(left, 0, joined, 1, left.length);
        System.arraycopy(right, 0, joined, 1 + left.length, right.length);
        return sha256(joined);
    }

    /** The tree head of the first {@code size} leaves: MTH(D[0:size]). */
    public static byte[] root(Leaves leaves, long size) {
        return root(computed(leaves), size);
    }

    public static byte[] root(Subtrees tree, long size) {
        return size == 0 ? EMPTY.clone() : tree.hash(0, size);
    }

    /** The audit path of leaf {@code index} in the tree of the first {@code size} leaves: PATH(m, D[n]), RFC 6962 §2.1.1. */
    public static List<byte[]> inclusionProof(Leaves leaves, long index, long size) {
        return inclusionProof(computed(leaves), index, size);
    }

    public static List<byte[]> inclusionProof(Subtrees leaves, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(leaves, index, 0, size, proof);
        return proof;
    }

    /** The proof that the tree of {@code first} leaves is a prefix of that of {@code second}: PROOF(m, D[n]), §2.1.2. */
    public static List<byte[]> consistencyProof(Leaves leaves, long first, long second) {
        return consistencyProof(computed(leaves), first, second);
    }

    public static List<byte[]> consistencyProof(Subtrees leaves, long first, long second) {
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(leaves, first, 0, second, true, proof);
        return proof;
    }

    /** RFC 9162 §2.1.3.2: whether {@code proof} shows the leaf with hash {@code leafHash} at {@code index} under {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 §2.1.4.2: whether {@code proof} shows the tree of {@code first} leaves a prefix of that of {@code second}. */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 1 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    /** MTH(D[from:to]) computed from the leaves each time. */
    private static Subtrees computed(Leaves leaves) {
        return new Subtrees() {
            @Override
            public byte[] hash(long from, long to) {
                if (to - from == 1) {
                    return leaves.leafHash(from);
                }
                long k = split(to - from);
                return nodeHash(hash(from, from + k), hash(from + k, to));
            }
        };
    }

    /** MTH of a list of leaf hashes, D[0:n] with n ≥ 1 (RFC 9162 §2.1.1). */
    public static byte[] hashOf(List<byte[]> leafHashes) {
        return computed(index -> leafHashes.get((int) index)).hash(0, leafHashes.size());
    }

    private static void path(Subtrees leaves, long index, long from, long to, List<byte[]> proof) {
        if (to - from == 1) {
            return;
        }
        long k = split(to - from);
        if (index < k) {
            path(leaves, index, from, from + k, proof);
            proof.add(leaves.hash(from + k, to));
        } else {
            path(leaves, index - k, from + k, to, proof);
            proof.add(leaves.hash(from, from + k));
        }
    }

    private static void subproof(Subtrees leaves, long first, long from, long to, boolean whole, List<byte[]> proof) {
        long n = to - from;
        if (first == n) {
            if (!whole) {
                proof.add(leaves.hash(from, to));
            }
            return;
        }
        long k = split(n);
        if (first <= k) {
            subproof(leaves, first, from, from + k, whole, proof);
            proof.add(leaves.hash(from + k, to));
        } else {
            subproof(leaves, first - k, from + k, to, false, proof);
            proof.add(leaves.hash(from, from + k));
        }
    }

    /** The largest power of two smaller than {@code n} (n > 1). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
