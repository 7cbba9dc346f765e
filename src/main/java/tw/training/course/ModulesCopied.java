package tw.training.course;

import java.util.Map;

/**
 * A draft was opened from a published revision and its modules copied under new ids: per published module, its copy.
 * Published in the transaction that opened the draft, so that what hangs off a module (its materials) is copied with it.
 */
public record ModulesCopied(Map<Long, Long> copies) {

    public ModulesCopied {
        copies = Map.copyOf(copies);
    }
}
