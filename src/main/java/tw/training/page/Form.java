package tw.training.page;

import io.micronaut.core.annotation.Nullable;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A url-encoded form as the browser sent it: names in order, a name as often as it came (a row of checkboxes sends
 * one {@code methods} per ticked box, which a bound record would flatten or refuse).
 */
public final class Form {

    private final Map<String, List<String>> fields;

    private Form(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    public static Form of(@Nullable String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        return new Form(fields);
    }

    /** Every field as sent but the form's token: what a refused form shows again. */
    public Map<String, List<String>> sent() {
        Map<String, List<String>> sent = new LinkedHashMap<>(fields);
        sent.remove(Csrf.FIELD);
        return java.util.Collections.unmodifiableMap(sent);
    }

    /** The first value of {@code name}, stripped, or "" when it was not sent. */
    public String get(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0).strip();
    }

    /** The value of {@code name} as a whole number; one missing or not a number is refused (422) naming the field. */
    public long number(String name) {
        try {
            return Long.parseLong(get(name));
        } catch (NumberFormatException e) {
            throw tw.training.problem.InvalidInputException.of(name, "page.not-number");
        }
    }

    /** Every non-blank value of {@code name}, in the order sent. */
    public List<String> all(String name) {
        return fields.getOrDefault(name, List.of()).stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
    }

    /** What follows {@code prefix} in each name sent that starts with it, in the order sent ("outcome:7:12" → "7:12"). */
    public List<String> suffixes(String prefix) {
        return fields.keySet().stream().filter(name -> name.startsWith(prefix)).map(name -> name.substring(prefix.length())).toList();
    }

    /** Checks the form's CSRF token ({@link Csrf#FIELD}) against the session's. */
    public Form checked(io.micronaut.http.HttpRequest<?> request) {
        Csrf.require(request, fields.containsKey(Csrf.FIELD) ? get(Csrf.FIELD) : null);
        return this;
    }
}
