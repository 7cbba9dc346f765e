package tw.training.page;

import io.micronaut.core.annotation.Nullable;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message pattern of plain text and {@code {n}} arguments, filled in as {@link MessageFormat} would (numbers with
 * the language's grouping) without its cost: a learner's plan fills one pattern per indicator, and parsing and
 * number formats made afresh each time were most of the page's time. Patterns with quotes or typed arguments
 * ({@code {0,number,#}}) are left to MessageFormat ({@link #of} answers null).
 */
final class MessagePattern {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)}");

    private final String[] literals;
    private final int[] arguments;

    private MessagePattern(String[] literals, int[] arguments) {
        this.literals = literals;
        this.arguments = arguments;
    }

    /** The pattern compiled, or null when only MessageFormat reads it rightly. */
    static @Nullable MessagePattern of(String pattern) {
        if (pattern.indexOf('\'') >= 0) {
            return null;
        }
        List<String> literals = new ArrayList<>();
        List<Integer> arguments = new ArrayList<>();
        Matcher argument = ARGUMENT.matcher(pattern);
        int at = 0;
        while (argument.find()) {
            literals.add(pattern.substring(at, argument.start()));
            arguments.add(Integer.parseInt(argument.group(1)));
            at = argument.end();
        }
        literals.add(pattern.substring(at));
        if (String.join("", literals).matches(".*[{}].*")) {
            return null;
        }
        return new MessagePattern(literals.toArray(String[]::new), arguments.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The text with its arguments, numbers written by {@code numbers} (the language's {@link NumberFormat#getInstance},
     * which MessageFormat uses); {@code null} when an argument is neither text nor a number (a date, say), which
     * MessageFormat formats in ways of its own.
     */
    @Nullable
    String format(Object[] values, Supplier<NumberFormat> numbers) {
        StringBuilder text = new StringBuilder(literals[0]);
        for (int i = 0; i < arguments.length; i++) {
            Object value = arguments[i] < values.length ? values[arguments[i]] : null;
            if (value instanceof Number number) {
                text.append(numbers.get().format(number));
            } else if (value instanceof String string) {
                text.append(string);
            } else if (value == null && arguments[i] >= values.length) {
                // MessageFormat keeps an argument it was not given as written
                text.append('{').append(arguments[i]).append('}');
            } else {
                return null;
            }
            text.append(literals[i + 1]);
        }
        return text.toString();
    }
}
