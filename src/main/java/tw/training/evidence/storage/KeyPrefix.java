package tw.training.evidence.storage;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import tw.training.startup.CheckedAtStart;
import tw.training.problem.ConfigurationProblem;

/**
 * {@code app.evidence.prefix}: where in the store this application's evidence lives ({@code evidence/} by
 * default). Every key it writes starts with it, and reconciliation looks nowhere else, so a bucket can be shared
 * with other applications or environments, each under its own prefix.
 */
@Singleton
public class KeyPrefix implements CheckedAtStart {

    private final String value;

    KeyPrefix(@Value("${app.evidence.prefix:evidence/}") String value) {
        if (value.length() > 100 || value.startsWith("/") || value.contains("..") || value.contains("\\")
                || !value.isEmpty() && !value.endsWith("/") || !value.matches("[A-Za-z0-9._/-]*")) {
            throw new ConfigurationProblem("APP_EVIDENCE_PREFIX", "must be empty or a relative path ending in '/' of at most 100"
                    + " letters, digits, '.', '_', '-' and '/', such as 'evidence/' (was '" + value + "')");
        }
        this.value = value;
    }

    public String value() {
        return value;
    }
}
