package tw.training.transparency;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tw.training.startup.StartFailure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code java -jar app.jar audit-verify …}: checks the transparency log from outside, with neither database nor network:
 * a checkpoint's signature, an inclusion proof, a consistency proof between two checkpoints, and a replay of an export
 * of every leaf against a checkpoint. Each takes the log's verifier key ({@code GET /transparency/key}). Exit 0 verified,
 * 1 not (why printed), 2 an argument or file at fault.
 */
@Command(name = "audit-verify", mixinStandardHelpOptions = true, description = "Verifies the transparency log offline.",
        subcommands = {AuditVerifyCommand.CheckpointCheck.class, AuditVerifyCommand.InclusionCheck.class,
                AuditVerifyCommand.ConsistencyCheck.class, AuditVerifyCommand.Replay.class})
public class AuditVerifyCommand implements Callable<Integer> {

    private static final HexFormat HEX = HexFormat.of();

    @Override
    public Integer call() {
        System.err.println("audit-verify checkpoint | inclusion | consistency | replay (see --help)");
        return StartFailure.SETTING;
    }

    /** The options every check takes: the verifier key. */
    abstract static class Check implements Callable<Integer> {

        @Option(names = "--key", required = true, description = "the log's verifier key (GET /transparency/key)")
        String key;

        /** The checkpoint a signed note file holds, verified; null (reason printed) when it does not verify. */
        Checkpoint checkpoint(Path file) throws IOException {
            SignedNote.Verifier verifier = SignedNote.Verifier.parse(key);
            Optional<Checkpoint> opened = Checkpoint.open(Files.readString(file, StandardCharsets.UTF_8), verifier);
            if (opened.isEmpty()) {
                System.out.println("NOT verified: " + file + " is not a checkpoint signed by " + verifier.name() + "'s key");
            }
            return opened.orElse(null);
        }

        @Override
        public Integer call() {
            try {
                return verify() ? 0 : 1;
            } catch (IOException | IllegalArgumentException | JsonException | ClassCastException | NullPointerException wrong) {
                System.err.println("cannot check: " + wrong.getMessage());
                return StartFailure.SETTING;
            }
        }

        abstract boolean verify() throws IOException;
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true, description = "Checks a checkpoint's signature.")
    static class CheckpointCheck extends Check {

        @Parameters(index = "0", description = "the checkpoint (GET /transparency/checkpoint)")
        Path file;

        @Override
        boolean verify() throws IOException {
            Checkpoint checkpoint = checkpoint(file);
            if (checkpoint != null) {
                System.out.println("verified: " + checkpoint.origin() + " size " + checkpoint.size() + " root " + HEX.formatHex(checkpoint.root()));
            }
            return checkpoint != null;
        }
    }

    @Command(name = "inclusion", mixinStandardHelpOptions = true, description = "Checks that a leaf is in the tree of a checkpoint.")
    static class InclusionCheck extends Check {

        @Option(names = "--checkpoint", required = true, description = "the checkpoint whose size the proof is for")
        Path checkpointFile;

        @Option(names = "--proof", required = true, description = "the proof (GET /transparency/proof/inclusion)")
        Path proofFile;

        @Override
        boolean verify() throws IOException {
            Checkpoint checkpoint = checkpoint(checkpointFile);
            if (checkpoint == null) {
                return false;
            }
            JsonObject proof = read(proofFile);
            long leaf = proof.getJsonNumber("leaf").longValue();
            if (proof.getJsonNumber("size").longValue() != checkpoint.size()) {
                System.out.println("NOT verified: the proof is for size " + proof.getJsonNumber("size") + ", the checkpoint's is " + checkpoint.size());
                return false;
            }
            boolean included = MerkleTree.verifyInclusion(leaf, checkpoint.size(), HEX.parseHex(proof.getString("leafHash")), hashes(proof.getJsonArray("proof")),
                    checkpoint.root());
            System.out.println(included ? "verified: leaf " + leaf + " is in the tree of " + checkpoint.size()
                    : "NOT verified: the proof does not lead to the checkpoint's root");
            return included;
        }
    }

    @Command(name = "consistency", mixinStandardHelpOptions = true, description = "Checks that an older checkpoint's tree is a prefix of a newer one's.")
    static class ConsistencyCheck extends Check {

        @Option(names = "--old", required = true, description = "the older checkpoint")
        Path oldFile;

        @Option(names = "--new", required = true, description = "the newer checkpoint")
        Path newFile;

        @Option(names = "--proof", required = true, description = "the proof (GET /transparency/proof/consistency)")
        Path proofFile;

        @Override
        boolean verify() throws IOException {
            Checkpoint older = checkpoint(oldFile);
            Checkpoint newer = checkpoint(newFile);
            if (older == null || newer == null) {
                return false;
            }
            boolean consistent = MerkleTree.verifyConsistency(older.size(), newer.size(), older.root(), newer.root(),
                    hashes(read(proofFile).getJsonArray("proof")));
            System.out.println(consistent ? "verified: the tree of " + older.size() + " is a prefix of that of " + newer.size()
                    : "NOT verified: the two checkpoints are not of one log's history");
            return consistent;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Recomputes the tree from an export of every leaf (GET /api/transparency/export) and compares it with a checkpoint.")
    static class Replay extends Check {

        @Parameters(index = "0", description = "the export: a JSON object a line, with index and body")
        Path export;

        @Option(names = "--checkpoint", required = true, description = "the checkpoint to compare with")
        Path checkpointFile;

        @Override
        boolean verify() throws IOException {
            Checkpoint checkpoint = checkpoint(checkpointFile);
            if (checkpoint == null) {
                return false;
            }
            List<byte[]> hashes = new ArrayList<>();
            try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null && hashes.size() < checkpoint.size()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonObject leaf = parse(line);
                    long index = leaf.getJsonNumber("index").longValue();
                    if (index != hashes.size()) {
                        System.out.println("NOT verified: leaf " + hashes.size() + " is missing from the export (the next is " + index + ")");
                        return false;
                    }
                    hashes.add(LeafBodies.leafHash(leaf.getJsonObject("body")));
                }
            }
            if (hashes.size() < checkpoint.size()) {
                System.out.println("NOT verified: the export has " + hashes.size() + " leaves, the checkpoint " + checkpoint.size());
                return false;
            }
            byte[] root = MerkleTree.root(index -> hashes.get((int) index), checkpoint.size());
            if (!Arrays.equals(root, checkpoint.root())) {
                System.out.println("NOT verified: the records' tree of " + checkpoint.size() + " has root " + HEX.formatHex(root)
                        + ", the checkpoint says " + HEX.formatHex(checkpoint.root()) + ": a record was changed or removed");
                return false;
            }
            System.out.println("verified: " + checkpoint.size() + " leaves replayed to the checkpoint's root " + HEX.formatHex(root));
            return true;
        }
    }

    private static JsonObject read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static List<byte[]> hashes(JsonArray proof) {
        return proof.getValuesAs(JsonString.class).stream().map(value -> HEX.parseHex(value.getString())).toList();
    }
}
