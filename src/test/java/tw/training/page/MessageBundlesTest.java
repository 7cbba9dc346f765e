package tw.training.page;

import org.junit.jupiter.api.Test;
import tw.training.certificate.CertificateStatus;
import tw.training.catalogue.ImportOutcome;
import tw.training.catalogue.document.DocumentKind;
import tw.training.course.AssessmentMethod;
import tw.training.course.CourseStatus;
import tw.training.course.RevisionStatus;
import tw.training.enrollment.EnrollmentStatus;
import tw.training.evidence.Outcome;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The two bundles of the pages' texts say the same things: the same keys, none empty, English without Chinese (but
 * for the names of the languages), every key a template names literally and every key it builds from a status or a
 * method is there, and no pattern with arguments holds a lone apostrophe (MessageFormat would swallow the text after it).
 */
class MessageBundlesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("msg\\(\"([^\"]+)\"\\s*[,)]");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private final Properties chinese = bundle("zh_TW");
    private final Properties english = bundle("en");

    @Test
    void bothBundlesHaveTheSameKeysAndNoEmptyText() {
        TreeSet<String> onlyChinese = new TreeSet<>(chinese.stringPropertyNames());
        onlyChinese.removeAll(english.stringPropertyNames());
        TreeSet<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(chinese.stringPropertyNames());
        assertEquals(List.of(), List.copyOf(onlyChinese), "keys missing from the English bundle");
        assertEquals(List.of(), List.copyOf(onlyEnglish), "keys missing from the Chinese bundle");
        assertEquals(List.of(), Stream.concat(blank(chinese), blank(english)).toList(), "empty texts");
    }

    @Test
    void englishHoldsNoChinesePunctuation() {
        Pattern punctuation = Pattern.compile("[，。：；「」『』（）、！？【】《》～]");
        List<String> found = english.stringPropertyNames().stream()
                .filter(key -> punctuation.matcher(english.getProperty(key)).find()).sorted().toList();
        assertEquals(List.of(), found);
    }

    @Test
    void englishHoldsNoChineseButTheNameOfChinese() {
        List<String> chineseInEnglish = english.stringPropertyNames().stream()
                .filter(key -> !key.equals("language.zh-TW") && HAN.matcher(english.getProperty(key)).find()).sorted().toList();
        assertEquals(List.of(), chineseInEnglish);
    }

    @Test
    void everyKeyATemplateNamesIsInBothBundles() throws Exception {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("templates", "pages"))) {
            for (Path template : templates.filter(path -> path.toString().endsWith(".ftlh")).toList()) {
                Matcher literal = LITERAL_KEY.matcher(Files.readString(template));
                while (literal.find()) {
                    keys.add(literal.group(1));
                }
            }
        }
        // the keys templates build from a value
        Arrays.stream(AssessmentMethod.values()).forEach(method -> keys.add("method." + method.name()));
        Arrays.stream(EnrollmentStatus.values()).forEach(status -> keys.add("enrollment.status." + status.name()));
        Arrays.stream(CertificateStatus.values()).forEach(status -> keys.add("certificate.status." + status.name()));
        Arrays.stream(Outcome.values()).forEach(outcome -> keys.add("outcome." + outcome.name()));
        Arrays.stream(CourseStatus.values()).forEach(status -> keys.add("course.status." + status.name()));
        Arrays.stream(RevisionStatus.values()).forEach(status -> keys.add("revision.status." + status.name()));
        Arrays.stream(DocumentKind.values()).forEach(kind -> keys.add("kind." + kind.name()));
        Arrays.stream(tw.training.account.audit.SecurityEventType.values()).forEach(type -> keys.add("audit.event." + type.name()));
        tw.training.account.Roles.ALL.forEach(role -> keys.add("role." + role));
        List.of("created", "disabled", "enabled", "reset", "roles").forEach(done -> keys.add("users.done." + done));
        List.of("issued", "revoked").forEach(done -> keys.add("certs.done." + done));
        Arrays.stream(ImportOutcome.values()).forEach(outcome -> keys.add("import.outcome." + outcome.name()));
        // the portfolio's states are its own (package-private): read through reflection, so a new state needs its text
        Arrays.stream(Class.forName("tw.training.portfolio.Portfolio$State").getEnumConstants())
                .forEach(state -> keys.add("evidence.state." + ((Enum<?>) state).name()));
        ErrorPages.SHOWN.forEach(status -> keys.addAll(List.of("error." + status + ".title", "error." + status + ".text")));
        assertEquals(List.of(), keys.stream().filter(key -> !chinese.containsKey(key) || !english.containsKey(key)).distinct().sorted().toList());
    }

    @Test
    void noPatternWithArgumentsHoldsALoneApostrophe() {
        List<String> broken = Stream.of(chinese, english).flatMap(bundle -> bundle.stringPropertyNames().stream()
                        .filter(key -> bundle.getProperty(key).contains("{0}") && bundle.getProperty(key).replace("''", "").contains("'"))
                        .map(key -> key + "=" + bundle.getProperty(key)))
                .sorted().toList();
        assertEquals(List.of(), broken);
    }

    private static Stream<String> blank(Properties bundle) {
        return bundle.stringPropertyNames().stream().filter(key -> bundle.getProperty(key).isBlank());
    }

    private static Properties bundle(String suffix) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/i18n/pages_" + suffix + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }
}
