package tw.training.learning;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import tw.training.course.DraftDiscarded;
import tw.training.evidence.StoredFiles;

import java.util.List;

/**
 * The materials of a discarded draft: their rows go with the draft's modules; the files only they referred to are
 * forgotten by the store once the discarding has committed (were it rolled back, the files would still be needed).
 */
@Singleton
class DiscardedMaterials {

    private final MaterialRepository materials;
    private final StoredFiles files;
    private final ApplicationEventPublisher<Orphaned> orphaned;

    DiscardedMaterials(MaterialRepository materials, StoredFiles files, ApplicationEventPublisher<Orphaned> orphaned) {
        this.materials = materials;
        this.files = files;
        this.orphaned = orphaned;
    }

    /** Files no material will refer to once the draft is gone. */
    record Orphaned(List<String> keys) {
    }

    @EventListener
    void onDraftDiscarded(DraftDiscarded event) {
        if (!event.moduleIds().isEmpty()) {
            orphaned.publishEvent(new Orphaned(materials.keysOnlyIn(event.moduleIds())));
        }
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void forget(Orphaned event) {
        event.keys().forEach(files::forget);
    }
}
