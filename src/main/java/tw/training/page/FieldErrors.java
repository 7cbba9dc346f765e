package tw.training.page;

import io.micronaut.http.HttpRequest;
import tw.training.problem.DomainException;
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
    public static Map<String, String> of(DomainException refused, String fallback, HttpRequest<?> request) {
        Messages words = Pages.messages(request);
        Map<String, String> errors = new HashMap<>();
        if (refused instanceof InvalidInputException invalid && !invalid.errors().isEmpty()) {
            invalid.errors().forEach(error -> errors.merge(error.field() == null ? fallback : error.field().replaceAll("\\[\\d+]", ""),
                    words.say(error.phrase()), (first, next) -> first + words.get("list.faults") + next));
        } else {
            errors.put(fallback, words.say(refused.phrase()));
        }
        return errors;
    }

    /**
     * One form's fields named apart from the other forms' on the same page ({@code plan-validator}, {@code draw-from}):
     * its errors, or what was sent in it.
     */
    public static <V> Map<String, V> prefixed(String prefix, Map<String, V> fields) {
        Map<String, V> named = new HashMap<>();
        fields.forEach((field, value) -> named.put(prefix + field, value));
        return named;
    }

    /** A refusal's words in the page's language. */
    public static String of(DomainException refused, HttpRequest<?> request) {
        return Pages.messages(request).say(refused.phrase());
    }
}
