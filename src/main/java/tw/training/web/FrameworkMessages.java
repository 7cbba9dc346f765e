package tw.training.web;

import tw.training.phrase.Phrase;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the framework says about a request it could not read, made fit for a client. Its own messages name Java
 * types, enum constants and parser positions ("Failed to convert argument [request] … of type
 * [class tw.training.course.Requests$Methods]: Unexpected end-of-input"); a client is told which field or
 * parameter could not be read, and nothing about how the server is built.
 */
final class FrameworkMessages {

    private static final Pattern ARGUMENT = Pattern.compile("Failed to convert argument \\[([A-Za-z0-9_]+)]");
    private static final Pattern PROPERTY = Pattern.compile("Error decoding property \\[(?:[^\\]]*[ .])?([A-Za-z0-9_]+)]");
    /** Names of Java or library types, exceptions and stack frames. */
    private static final Pattern INTERNAL = Pattern.compile(
            "\\b(java|javax|jakarta|io\\.micronaut|io\\.netty|org\\.[a-z0-9]+|com\\.[a-z0-9]+|tw\\.training)\\.[a-zA-Z]"
                    + "|\\b[A-Z][A-Za-z]*(Exception|Error)\\b|\\$|\\bclass \\[|No enum constant|Source: ");

    private FrameworkMessages() {
    }

    /** A field to name for the failure, if the message tells one: a JSON property, or a path or query parameter. */
    static String field(String message, String fallback) {
        Matcher property = PROPERTY.matcher(message);
        if (property.find()) {
            return property.group(1);
        }
        Matcher argument = ARGUMENT.matcher(message);
        if (argument.find()) {
            return WrongType.BODIES.contains(argument.group(1)) ? "body" : argument.group(1);
        }
        return fallback;
    }

    /** The message as it may be shown: as it is when it tells nothing internal, else a plain one naming the field. */
    static Phrase safe(String message, Phrase fallback) {
        if (message == null || message.isBlank()) {
            return fallback;
        }
        if (!INTERNAL.matcher(message).find() && !ARGUMENT.matcher(message).find()) {
            // the framework's own words, which it has only in English
            return Phrase.of("web.framework-said", message);
        }
        String field = field(message, null);
        if (field == null) {
            return fallback;
        }
        return field.equals("body") ? Phrase.of("web.body-unreadable") : Phrase.of("web.field-unreadable", field);
    }
}
