package tw.training.catalogue;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A catalogue task as other features point at it: its row ids and its indicators. Ids are stable because an
 * imported document never changes.
 */
public record TaskReference(long taskId, String standardCode, String code, String title, @Nullable Integer level,
                            List<IndicatorReference> indicators) {

    public String id() {
        return standardCode + ":" + code;
    }

    /** An indicator with its id across the system, e.g. KPS5294-001v4:P2.3.1. */
    public record IndicatorReference(long indicatorId, String code, String text) {
    }
}
