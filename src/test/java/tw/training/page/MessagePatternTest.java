package tw.training.page;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The quick path of {@link Messages} writes what MessageFormat writes, for every pattern of both bundles. */
class MessagePatternTest {

    @Test
    void everyPatternOfTheBundlesFillsAsMessageFormatFillsIt() throws IOException {
        for (String suffix : new String[]{"zh_TW", "en"}) {
            Locale locale = suffix.equals("en") ? Locale.ENGLISH : Locale.TRADITIONAL_CHINESE;
            Properties bundle = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/i18n/pages_" + suffix + ".properties"), StandardCharsets.UTF_8)) {
                bundle.load(reader);
            }
            for (String key : bundle.stringPropertyNames()) {
                String pattern = bundle.getProperty(key);
                MessagePattern compiled = MessagePattern.of(pattern);
                for (Object[] values : new Object[][]{{}, {"證據「一」", 12345, "x"}, {1234567, "王小明", 3, 4}, {"a", "b", "c", "d", "e"}}) {
                    String expected = new MessageFormat(pattern, locale).format(values);
                    String actual = compiled == null ? null : compiled.format(values, () -> java.text.NumberFormat.getInstance(locale));
                    if (actual != null) {
                        assertEquals(expected, actual, key + " with " + java.util.Arrays.toString(values));
                    }
                }
            }
        }
    }

    @Test
    void quotesAndTypedArgumentsAreLeftToMessageFormat() {
        assertNull(MessagePattern.of("it''s {0}"));
        assertNull(MessagePattern.of("{0,number,#} items"));
        assertNull(MessagePattern.of("'{0}' literally"));
        assertNotNull(MessagePattern.of("{0} of {1} met"));
        assertEquals("1,234 of {1} met", MessagePattern.of("{0} of {1} met").format(new Object[]{1234}, () -> java.text.NumberFormat.getInstance(Locale.ENGLISH)));
        assertNull(MessagePattern.of("{0}").format(new Object[]{java.time.Instant.EPOCH}, () -> java.text.NumberFormat.getInstance(Locale.ENGLISH)), "a date goes to MessageFormat");
    }
}
