package tw.training.transparency;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MTH(D[from:to]) of the log without reading it whole: a complete subtree (aligned, a power of two of at least
 * {@code block} leaves) never changes once its leaves exist, so its hash is kept once computed; a block's from its
 * {@code block} leaves read at once, a larger one from its two halves. Any range is then its RFC 9162 split into kept
 * subtrees and fewer than {@code block} leaves at each ragged edge: a checkpoint or a proof reads a few thousand leaves
 * and about log₂ n kept hashes, and the memory kept is 64 bytes per {@code block} leaves (some 16 KB a million).
 */
final class SubtreeCache implements MerkleTree.Subtrees {

    /** Reads the leaf hashes of D[from:to], in order (at most one block at a time). */
    interface Reader {
        List<byte[]> read(long from, long to);
    }

    private record Subtree(long from, long size) {
    }

    private final Reader reader;
    private final long block;
    private final Map<Subtree, byte[]> kept = new ConcurrentHashMap<>();

    SubtreeCache(Reader reader, long block) {
        if (Long.bitCount(block) != 1) {
            throw new IllegalArgumentException("a block is a power of two of leaves: " + block);
        }
        this.reader = reader;
        this.block = block;
    }

    @Override
    public byte[] hash(long from, long to) {
        long n = to - from;
        if (Long.bitCount(n) == 1 && n >= block && from % n == 0) {
            return complete(from, n);
        }
        if (n <= block) {
            return MerkleTree.hashOf(reader.read(from, to));
        }
        long k = MerkleTree.split(n);
        return MerkleTree.nodeHash(hash(from, from + k), hash(from + k, to));
    }

    /** A complete subtree's hash: kept, or made from its halves (down to a block, read). */
    private byte[] complete(long from, long size) {
        Subtree subtree = new Subtree(from, size);
        byte[] hash = kept.get(subtree);
        if (hash == null) {
            hash = size == block ? MerkleTree.hashOf(reader.read(from, from + size))
                    : MerkleTree.nodeHash(complete(from, size / 2), complete(from + size / 2, size / 2));
            kept.put(subtree, hash);
        }
        return hash.clone();
    }

    /** How many subtree hashes are kept (for tests). */
    int kept() {
        return kept.size();
    }
}
