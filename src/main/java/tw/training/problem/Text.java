package tw.training.problem;

import tw.training.phrase.Phrase;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule every text a client sends must keep: no control characters (a NUL, a bell, an escape sequence) and
 * no half of a surrogate pair. Such text cannot be printed (PDF fonts, XML, terminals refuse it) and a stored one
 * would break every later page or PDF that shows it. Line breaks and tabs are allowed.
 */
public final class Text {

    private Text() {
    }

    /** What is wrong with a text, if anything. */
    public static Optional<Phrase> fault(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (!isWellFormed(text)) {
            return Optional.of(Phrase.of("text.half-surrogate"));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return Optional.of(Phrase.of("text.control-character", String.format("U+%04X", (int) c), i + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a request body, or any value taken from a client, if any text in it breaks the rule: strings,
     * and the strings inside records, lists and maps, each named by its path ({@code title}, {@code [3].comment},
     * {@code indicators[0]}).
     *
     * @param field the name of the value itself; empty for a body whose fields are named from its root
     */
    public static void requirePlain(String field, Object value) {
        List<InputError> errors = new ArrayList<>();
        collect(field, value, errors, 0);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("problem.request-holds-text-that-cannot"), errors);
        }
    }

    private static void collect(String path, Object value, List<InputError> errors, int depth) {
        if (value == null || depth > 8) {
            return;
        }
        if (value instanceof CharSequence text) {
            fault(text.toString()).ifPresent(fault -> errors.add(InputError.field(path.isEmpty() ? "body" : path, fault)));
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collect(path + "[" + i++ + "]", item, errors, depth + 1);
            }
        } else if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> {
                collect(path, key, errors, depth + 1);
                collect(join(path, String.valueOf(key)), item, errors, depth + 1);
            });
        } else if (value.getClass().isRecord()) {
            for (Component component : COMPONENTS.get(value.getClass())) {
                collect(join(path, component.name()), component.read(value), errors, depth + 1);
            }
        }
    }

    /** A record component and its accessor, opened once per record class: every request body is walked. */
    private record Component(String name, Method accessor) {
        Object read(Object record) {
            try {
                return accessor.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("record component " + name + " cannot be read", e);
            }
        }
    }

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            List<Component> components = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                components.add(new Component(component.getName(), accessor));
            }
            return List.copyOf(components);
        }
    };

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Whether the text is well-formed UTF-16: every surrogate has its pair. */
    public static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
