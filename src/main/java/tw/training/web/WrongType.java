package tw.training.web;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import tw.training.problem.InputError;
import tw.training.phrase.Phrase;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A value of the wrong type, told in the client's words. In a JSON body whose shape is right
 * ({@code "hours": "many"}) the request is readable but its content is not valid: 422 naming the field ("hours
 * must be a number") rather than 400 on the whole body; Serde's exception carries the path to the value (its
 * message only a line and column). In a path or query ({@code /api/courses/abc}): which parameter and what it
 * must be ("id must be a whole number").
 */
final class WrongType {

    /** Arguments that stand for the whole request body, not a parameter a client named. */
    static final Set<String> BODIES = Set.of("request", "body", "credentials", "change", "reset", "revocation", "batch");

    private WrongType() {
    }

    /** A path or query parameter the framework could not convert, when the cause chain says which. */
    static Optional<InputError> inAddress(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConversionErrorException conversion && !BODIES.contains(conversion.getArgument().getName())) {
                String name = conversion.getArgument().getName();
                return Optional.of(InputError.field(name, "web.must", name, expected(conversion.getArgument().getType())));
            }
        }
        return Optional.empty();
    }

    /** The field at fault and what it must be, when a decoding failure in the cause chain says where. */
    static Optional<InputError> inBody(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SerdeException serde && !serde.getPath().isEmpty()) {
                return Optional.of(describe(serde.getPath()));
            }
        }
        return Optional.empty();
    }

    /** Serde lists the path innermost first: {@code [ArrayList[0], Methods["methods"]]} is {@code methods[0]}. */
    private static InputError describe(List<ReferencePath> path) {
        StringBuilder field = new StringBuilder();
        for (int i = path.size() - 1; i >= 0; i--) {
            ReferencePath step = path.get(i);
            if (step instanceof CollectionItemReferencePath item) {
                field.append('[').append(item.index()).append(']');
            } else if (step instanceof MapItemReferencePath entry) {
                field.append(field.isEmpty() ? "" : ".").append(entry.key());
            } else if (step instanceof PropertyReferencePath property) {
                field.append(field.isEmpty() ? "" : ".").append(property.property().getName());
            }
        }
        String name = field.isEmpty() ? "body" : field.toString();
        return InputError.field(name, "web.must", name, expected(innermostType(path.get(0))));
    }

    private static Class<?> innermostType(ReferencePath step) {
        if (step instanceof CollectionItemReferencePath item) {
            Argument<?>[] items = item.collectionArgument().getTypeParameters();
            return items.length == 1 ? items[0].getType() : Object.class;
        }
        if (step instanceof MapItemReferencePath entry) {
            Argument<?>[] types = entry.mapArgument().getTypeParameters();
            return types.length == 2 ? types[1].getType() : Object.class;
        }
        return step.getArgument().getType();
    }

    /** The type in a client's words. */
    private static Phrase expected(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return Phrase.of("web.type.whole-number");
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return Phrase.of("web.type.number");
        }
        if (type.isEnum()) {
            return Phrase.of("web.type.one-of", java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return Phrase.of("web.type.text");
        }
        if (type == Boolean.class || type == boolean.class) {
            return Phrase.of("web.type.boolean");
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return Phrase.of("web.type.list");
        }
        return Phrase.of(Map.class.isAssignableFrom(type) ? "web.type.object" : "web.type.fields");
    }
}
