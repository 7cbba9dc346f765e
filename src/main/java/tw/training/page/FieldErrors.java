package tw.training.page;

import tw.training.problem.InvalidInputException;

import java.util.HashMap;
import java.util.Map;

/** A service's refusal as a form shows it: beside each field, its messages. */
public final class FieldErrors {

    private FieldErrors() {
    }

    /**
     * Each field's messages, an index ({@code roles[1]}) dropped since the form has one field for them all; a refusal
     * that names no field (a conflict, say) under {@code fallback}.
     */
    public static Map<String, String> of(RuntimeException refused, String fallback) {
        Map<String, String> errors = new HashMap<>();
        if (refused instanceof InvalidInputException invalid && !invalid.errors().isEmpty()) {
            invalid.errors().forEach(error -> errors.merge(error.field() == null ? fallback : error.field().replaceAll("\\[\\d+]", ""),
                    error.message(), (first, next) -> first + "；" + next));
        } else {
            errors.put(fallback, refused.getMessage());
        }
        return errors;
    }
}
