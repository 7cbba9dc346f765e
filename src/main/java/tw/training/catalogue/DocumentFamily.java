package tw.training.catalogue;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The family and version a document's code names: iCAP codes end in {@code v} and the version (KPS5294-001v4 is
 * version 4 of KPS5294-001). A code without one (a model filed as KPS3322-M01) is its own family, without a version.
 * Migration V033 derives the same from the codes already stored.
 */
record DocumentFamily(String stem, @Nullable Integer version) {

    private static final Pattern VERSIONED = Pattern.compile("(.+?)[vV]([0-9]{1,9})");

    static DocumentFamily of(String code) {
        Matcher versioned = VERSIONED.matcher(code);
        return versioned.matches() ? new DocumentFamily(versioned.group(1), Integer.valueOf(versioned.group(2))) : new DocumentFamily(code, null);
    }
}
