package tw.training.evidence.storage;

import java.io.IOException;

/**
 * The store answers, but holds no object under a key the database records: restored from backups of different times,
 * or deleted by hand. Not an outage (the store is reachable, readiness stays UP); the one file is lost.
 */
public final class MissingObjectException extends IOException {

    private final String key;

    public MissingObjectException(String key) {
        super("the store holds no object " + key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
