package tw.training.evidence.storage;

import jakarta.inject.Singleton;
import tw.training.health.Dependency;
import tw.training.health.DependencyCheck;

/** Tells the health probe whether the evidence store answers. */
@Singleton
class StoreCheck implements DependencyCheck {

    private final EvidenceStore store;

    StoreCheck(EvidenceStore store) {
        this.store = store;
    }

    @Override
    public Dependency dependency() {
        return Dependency.EVIDENCE_STORE;
    }

    @Override
    public void check() throws Exception {
        store.check();
    }
}
