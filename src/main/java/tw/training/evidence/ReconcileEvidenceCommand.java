package tw.training.evidence;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
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
 * deleting anything, (a) objects under this application's prefix that no evidence refers to, as after a restore of
 * an older database, and (b) evidence files whose object is missing, as after a restore of an older bucket.
 * Exit code 0 when the two agree, 1 when anything is listed.
 */
@Command(name = "reconcile-evidence", mixinStandardHelpOptions = true,
        description = "Lists stored evidence objects no evidence refers to, and evidence files missing from the store. Deletes nothing.")
public class ReconcileEvidenceCommand implements Callable<Integer> {

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
        long after = 0;
        for (List<EvidenceFile> batch = page(after); !batch.isEmpty(); batch = page(after)) {
            for (EvidenceFile file : batch) {
                files++;
                if (!store.exists(file.storageKey())) {
                    missing++;
                    System.out.printf("missing       %s (evidence %d, file %d, %s, %d bytes)%n", file.storageKey(), file.evidenceId(), file.id(),
                            file.filename(), file.size());
                }
                after = file.id();
            }
        }
        System.out.printf("%s, prefix '%s': %d objects, %d referenced by no evidence (listed, nothing deleted); "
                + "%d evidence files recorded, %d missing from the store%n", store.describe(), prefix.value(), objects[0],
                unreferenced[0], files, missing);
        return unreferenced[0] == 0 && missing == 0 ? 0 : 1;
    }

    private List<EvidenceFile> page(long after) {
        return transactions.executeRead(status -> rows.after(after, PAGE));
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
