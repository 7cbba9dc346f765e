package tw.training.evidence;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tw.training.startup.MigrateOption;
import tw.training.evidence.storage.EvidenceStore;
import tw.training.evidence.storage.KeyPrefix;

import java.io.IOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code java -jar app.jar reconcile-evidence}: compares the evidence store with the database and lists, without
 * deleting anything, (a) objects under this application's prefix that nothing refers to (no evidence file, no course
 * material), as after a restore of an older database, and (b) recorded files, evidence and materials alike, whose object
 * is missing, as after a restore of an older bucket. Folder placeholders some stores list are no objects.
 * Exit code 0 when the two agree, 1 when anything is listed.
 */
@Command(name = "reconcile-evidence", mixinStandardHelpOptions = true,
        description = "Lists stored objects nothing refers to, and recorded files (evidence and materials) missing from the store. Deletes nothing.")
public class ReconcileEvidenceCommand implements Callable<Integer> {

    @Mixin
    MigrateOption migrations;

    private static final int PAGE = 500;

    @Inject
    EvidenceStore store;

    @Inject
    EvidenceFileRepository rows;

    @Inject
    EvidenceUploadRepository uploads;

    @Inject
    KeyPrefix prefix;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Integer call() throws IOException {
        Set<String> inFlight = new HashSet<>();
        uploads.findAll().forEach(upload -> inFlight.add(upload.storageKey()));
        long[] objects = new long[1];
        long[] unreferenced = new long[1];
        List<EvidenceStore.StoredObject> page = new ArrayList<>();
        store.list(prefix.value(), object -> {
            if (object.key().endsWith("/")) {
                // a folder placeholder some stores list (S3Proxy's "evidence/2026/"): no object of ours
                return;
            }
            objects[0]++;
            page.add(object);
            if (page.size() == PAGE) {
                unreferenced[0] += reportUnreferenced(page, inFlight);
                page.clear();
            }
        });
        unreferenced[0] += reportUnreferenced(page, inFlight);
        long files = 0;
        long missing = 0;
        String after = "";
        for (List<EvidenceFileRepository.RecordedObject> batch = page(after); !batch.isEmpty(); batch = page(after)) {
            for (EvidenceFileRepository.RecordedObject recorded : batch) {
                files++;
                if (!store.exists(recorded.storageKey())) {
                    missing++;
                    System.out.printf("missing       %s (%s, %d bytes)%n", recorded.storageKey(), recorded.owner(), recorded.sizeBytes());
                }
                after = recorded.storageKey();
            }
        }
        System.out.printf("%s, prefix '%s': %d objects, %d referenced by nothing (listed, nothing deleted); "
                + "%d files recorded (evidence and materials), %d missing from the store%n", store.describe(), prefix.value(), objects[0],
                unreferenced[0], files, missing);
        return unreferenced[0] == 0 && missing == 0 ? 0 : 1;
    }

    private List<EvidenceFileRepository.RecordedObject> page(String after) {
        return transactions.executeRead(status -> rows.recorded(after, PAGE));
    }

    private int reportUnreferenced(List<EvidenceStore.StoredObject> page, Set<String> inFlight) {
        List<String> keys = page.stream().map(EvidenceStore.StoredObject::key).toList();
        Set<String> referenced = keys.isEmpty() ? Set.of() : Set.copyOf(transactions.executeRead(status -> rows.referenced(keys)));
        int count = 0;
        for (EvidenceStore.StoredObject object : page) {
            if (!referenced.contains(object.key()) && !inFlight.contains(object.key())) {
                count++;
                System.out.printf("unreferenced  %s (%d bytes, stored %s)%n", object.key(), object.size(), object.modified());
            }
        }
        return count;
    }
}
