package tw.training.evidence;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tw.training.startup.MigrateOption;
import tw.training.evidence.storage.EvidenceStore;
import tw.training.evidence.storage.LocalEvidenceStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code java -jar app.jar copy-evidence --from-local ./data/evidence}: copies every file the database records (evidence
 * files and course materials' files alike) from a local evidence folder into the configured store (an S3 bucket, say), and checks each copy's
 * SHA-256 against the one recorded at upload by reading it back. A file already in the store with the right
 * SHA-256 is skipped, so the command can be run again after an interruption and resumes where it stopped. It
 * changes no setting: switch {@code APP_EVIDENCE_STORE} once it reports every file copied. Exit code 0 when every
 * file is in the store and verified, 1 when any is missing from the folder or does not match.
 */
@Command(name = "copy-evidence", mixinStandardHelpOptions = true,
        description = "Copies every recorded file (evidence and materials) from a local folder into the configured store, verifying each SHA-256.")
public class CopyEvidenceCommand implements Callable<Integer> {

    @Mixin
    MigrateOption migrations;

    private static final int PAGE = 500;

    @Option(names = "--from-local", required = true, paramLabel = "FOLDER", description = "the local evidence folder to copy from")
    Path from;

    @Inject
    EvidenceStore target;

    @Inject
    EvidenceFileRepository rows;

    @Inject
    TransactionOperations<Connection> transactions;

    @Value("${app.evidence.staging-dir:./data/evidence-incoming}")
    String stagingDir;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(from)) {
            System.err.println("--from-local " + from + " is not a folder");
            return 1;
        }
        EvidenceStore source = new LocalEvidenceStore(from);
        Path staging = Files.createDirectories(Path.of(stagingDir));
        int copied = 0;
        int present = 0;
        int failed = 0;
        String after = "";
        for (List<EvidenceFileRepository.RecordedObject> batch = page(after); !batch.isEmpty(); batch = page(after)) {
            for (EvidenceFileRepository.RecordedObject file : batch) {
                after = file.storageKey();
                if (target.exists(file.storageKey()) && file.sha256().equals(sha256(target, file.storageKey()))) {
                    present++;
                } else if (!source.exists(file.storageKey())) {
                    failed++;
                    System.out.printf("missing   %s (%s): not in %s%n", file.storageKey(), file.owner(), from);
                } else if (copy(source, file, staging)) {
                    copied++;
                } else {
                    failed++;
                }
            }
        }
        System.out.printf("%d files copied to %s and verified, %d already there, %d failed%n", copied, target.describe(), present, failed);
        return failed == 0 ? 0 : 1;
    }

    private List<EvidenceFileRepository.RecordedObject> page(String after) {
        return transactions.executeRead(status -> rows.recorded(after, PAGE));
    }

    /** Copies one file through a staged copy, checking its SHA-256 on the way out and again read back. */
    private boolean copy(EvidenceStore source, EvidenceFileRepository.RecordedObject file, Path staging) throws IOException {
        Path staged = Files.createTempFile(staging, "copy", ".part");
        try {
            MessageDigest digest = digest();
            try (InputStream in = new DigestInputStream(source.open(file.storageKey()), digest); OutputStream out = Files.newOutputStream(staged)) {
                in.transferTo(out);
            }
            if (!file.sha256().equals(HexFormat.of().formatHex(digest.digest()))) {
                System.out.printf("mismatch  %s (%s): the local file's SHA-256 is not the one recorded at upload%n",
                        file.storageKey(), file.owner());
                return false;
            }
            target.put(file.storageKey(), staged, file.contentType());
            if (!file.sha256().equals(sha256(target, file.storageKey()))) {
                System.out.printf("mismatch  %s (%s): the copy read back from the store differs%n", file.storageKey(), file.owner());
                return false;
            }
            return true;
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    private static String sha256(EvidenceStore store, String key) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(store.open(key), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
