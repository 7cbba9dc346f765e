package tw.training.phrase;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A phrase kept in a row (an audit entry's description) as JSON, so that it is put into words when it is read, in the
 * reader's language: {@code {"key":"audit.signed-in","arguments":["127.0.0.1"]}}. Arguments are kept as what they
 * are, so they are written as people read them later too: text and numbers as they are, a phrase as a phrase, an enum
 * as the phrase of its words, an instant as {@code {"instant":"…"}}, a list as a list.
 */
@Singleton
public class PhraseJson {

    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    private final ObjectMapper json;

    PhraseJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(Phrase phrase) {
        try {
            return json.writeValueAsString(tree(phrase));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Phrase read(String text) {
        try {
            return phrase(json.readValue(text, OBJECT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> tree(Phrase phrase) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("key", phrase.key());
        tree.put("arguments", phrase.arguments().stream().map(PhraseJson::value).toList());
        return tree;
    }

    private static Object value(Object argument) {
        if (argument instanceof Phrase phrase) {
            return tree(phrase);
        }
        if (argument instanceof Enum<?> value) {
            String key = "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
            return Phrases.has(key) ? tree(Phrase.of(key)) : value.name();
        }
        if (argument instanceof Instant instant) {
            return Map.of("instant", instant.toString());
        }
        if (argument instanceof Collection<?> items) {
            return items.stream().map(PhraseJson::value).toList();
        }
        return argument == null || argument instanceof Number || argument instanceof Boolean ? argument : String.valueOf(argument);
    }

    @SuppressWarnings("unchecked")
    private static Phrase phrase(Map<String, Object> tree) {
        List<Object> arguments = new ArrayList<>();
        for (Object argument : (List<Object>) tree.getOrDefault("arguments", List.of())) {
            arguments.add(restored(argument));
        }
        return new Phrase((String) tree.get("key"), arguments);
    }

    @SuppressWarnings("unchecked")
    private static Object restored(Object value) {
        if (value instanceof Map<?, ?> map && map.containsKey("key")) {
            return phrase((Map<String, Object>) map);
        }
        if (value instanceof Map<?, ?> map && map.containsKey("instant")) {
            return Instant.parse((String) map.get("instant"));
        }
        if (value instanceof List<?> items) {
            return items.stream().map(PhraseJson::restored).toList();
        }
        return value;
    }
}
